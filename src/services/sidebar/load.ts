/**
 * Everything the sidebar shows, in one round trip: the plan with last week's
 * grades and pledges, this week's signals, the open deals to log one on, and
 * this week's numbers against their targets as the snapshot computes them.
 */
import {activeSpreadsheet} from '../session';
import {addDays} from '../../domain/calendar';
import type {DealOption, SidebarData} from '../../domain/sidebar/types';
import {
  attendanceView,
  dealOptions,
  planView,
  signalViews,
} from '../../domain/sidebar/views';
import {
  ATTENDANCE,
  COMMITMENTS,
  DEALS,
  GRADES_TAB,
  SIGNALS_TAB,
} from '../../domain/workbook';
import {checkWorkbookSettings} from '../settings';
import {tableReader} from '../tables';
import {readWeek} from '../week';
import {sidebarWeek, weekSpan} from './calendar';
import {currentUser} from './refusal';
import {statusThresholds} from '../../domain/status';

export function loadSidebar(): SidebarData {
  const spreadsheet = activeSpreadsheet();
  // The zone once: the settings' date cells and the week both need it.
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const {settings} = checkWorkbookSettings(spreadsheet, timeZone);
  const week = sidebarWeek(spreadsheet, settings, new Date(), timeZone);
  // One read per tab, shared with the week's record below.
  const read = tableReader(spreadsheet);
  // A broken Deals tab must not stop the grading: the views that need it say why instead.
  const weekRead = readWeek(spreadsheet, settings, week, read, {
    lenient: true,
  });
  let {dealsProblem} = weekRead;
  // The week's record has read (and required) each of these tabs whole.
  const commitments = read(COMMITMENTS);
  const grades = read(GRADES_TAB);
  const signals = read(SIGNALS_TAB);
  const attendance = read(ATTENDANCE);
  let deals: DealOption[] = [];
  try {
    // Without Forecast Category every closed deal would be offered as open.
    deals = dealOptions(read(DEALS, ['Deal ID', 'Forecast Category']).rows);
  } catch (err) {
    dealsProblem = (err as Error).message;
  }
  return {
    user: currentUser(),
    timeZone: week.clock.timeZone,
    today: week.today,
    weekEnding: week.weekEnding,
    week: week.week,
    plan: planView({
      commitments: commitments.rows,
      grades: grades.rows,
      gradeCells: grades.cells,
      thisWeek: week.span(week.weekEnding),
      lastWeek: week.span(addDays(week.weekEnding, -7)),
    }),
    signals: signalViews(
      signals.rows,
      signals.cells,
      weekSpan(week, week.today),
    ),
    deals,
    dealsProblem,
    attendance: attendanceView(
      attendance.rows,
      attendance.cells,
      week.span(week.weekEnding),
    ),
    scorecard: {
      record: weekRead.record,
      thresholds: statusThresholds(settings),
    },
  };
}
