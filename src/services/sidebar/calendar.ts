/**
 * The sidebar's week, as the snapshot reads it (services/week.ts): the week
 * ending is Settings' Scorecard Day of the current Monday–Sunday week in the
 * spreadsheet's time zone. Adds today and the days the views need as instant
 * ranges, so rows are classified without a service call per row.
 */
import {addDays, mondayOf, type LocalDate} from '../../domain/calendar';
import type {Settings} from '../../domain/settings';
import type {DaySpan} from '../../domain/sidebar/views';
import {weekContext, type WeekContext} from '../week';

export interface SidebarWeek extends WeekContext {
  today: LocalDate;
  /** Local days from `first` to `last` as the instants they span. */
  span(first: LocalDate, last?: LocalDate): DaySpan;
}

export function sidebarWeek(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  now = new Date(),
  timeZone?: string,
): SidebarWeek {
  const context = weekContext(spreadsheet, settings, now, now, timeZone);
  const {clock} = context;
  return {
    ...context,
    today: clock.localDate(now),
    span(first, last = first) {
      return {
        first,
        last,
        from: clock.midnight(first).getTime(),
        to: clock.midnight(addDays(last, 1)).getTime(),
      };
    },
  };
}

/** Monday to Sunday of the week holding a date: the week whose signals the rate counts. */
export function weekSpan(week: SidebarWeek, date: LocalDate): DaySpan {
  const monday = mondayOf(date);
  return week.span(monday, addDays(monday, 6));
}
