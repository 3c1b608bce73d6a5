/**
 * The glide-path targets in force at a week of the rebuild, and whether a
 * week's number meets them: RECOVERY_TARGET, GATE_TARGET, VARIANCE_STATUS,
 * GATE_STATUS, REBUILD_WEEK.
 */
import {isBlank, show, toText, toWallTime} from '../domain/cells';
import {weekdayOf} from '../domain/business-days';
import {dayNumber, type WallClock, type WallTime} from '../domain/wall-clock';
import {
  GATE_MILESTONES,
  VARIANCE_MILESTONES,
  milestonesFromRows,
  parseMilestones,
  targetAt,
  type Milestone,
} from '../domain/milestones';
import {
  asRows,
  elementwise,
  formulaError,
  guard,
  isGrid,
  requireNumber,
  requireShare,
  singleCell,
  type Arg,
} from './args';

/** Milestones from text or a two-column range; blank gives the playbook's defaults. */
function milestonesArg(
  value: Arg,
  defaults: readonly Milestone[],
): readonly Milestone[] {
  if (isGrid(value)) {
    const rows = asRows(value);
    if (rows.length === 1 && rows[0].length === 1) {
      return milestonesArg(rows[0][0], defaults);
    }
    return milestonesFromRows(rows);
  }
  if (isBlank(value)) return defaults;
  return parseMilestones(toText(value));
}

/** A week of the rebuild: a whole number from 1. */
function requireWeek(fn: string, value: unknown, row?: number): number {
  const week = requireNumber(fn, 'week', value, row);
  if (!Number.isInteger(week) || week < 1) {
    throw formulaError(
      fn,
      `week is ${show(value)}; weeks of the rebuild count 1, 2, 3, …`,
      row,
    );
  }
  return week;
}

function targetFn(fn: string, defaults: readonly Milestone[]) {
  return (week: Arg, milestones?: Arg) =>
    guard(fn, () => {
      const ms = milestonesArg(milestones, defaults);
      return elementwise(fn, ['week'], [week], ([w], row) =>
        targetAt(ms, requireWeek(fn, w, row)),
      );
    });
}

/** The forecast-variance target in force at a week (12% by week 2, 8% by 6, 5% by 12 unless overridden). */
export const recoveryTarget = targetFn('RECOVERY_TARGET', VARIANCE_MILESTONES);

/** The gate-compliance target in force at a week (95% by week 4, 100% by 8 unless overridden). */
export const gateTarget = targetFn('GATE_TARGET', GATE_MILESTONES);

export const ON_TARGET = 'ON TARGET';
export const OFF_TARGET = 'OFF TARGET';

/** Variance meets its target when at or below it. */
export function varianceStatus(variance: Arg, week: Arg, milestones?: Arg) {
  const fn = 'VARIANCE_STATUS';
  return guard(fn, () => {
    const ms = milestonesArg(milestones, VARIANCE_MILESTONES);
    return elementwise(
      fn,
      ['variance', 'week'],
      [variance, week],
      ([v, w], row) => {
        const value = requireNumber(fn, 'variance', v, row);
        if (value < 0) {
          throw formulaError(
            fn,
            `variance is ${value}; a variance is never negative (use FORECAST_VARIANCE)`,
            row,
          );
        }
        return value <= targetAt(ms, requireWeek(fn, w, row))
          ? ON_TARGET
          : OFF_TARGET;
      },
    );
  });
}

/** Gate compliance meets its target when at or above it. */
export function gateStatus(compliance: Arg, week: Arg, milestones?: Arg) {
  const fn = 'GATE_STATUS';
  return guard(fn, () => {
    const ms = milestonesArg(milestones, GATE_MILESTONES);
    return elementwise(
      fn,
      ['compliance', 'week'],
      [compliance, week],
      ([c, w], row) => {
        const value = requireShare(fn, 'compliance', c, row);
        return value >= targetAt(ms, requireWeek(fn, w, row))
          ? ON_TARGET
          : OFF_TARGET;
      },
    );
  });
}

/** The day number of the Monday starting the week that holds `date`. */
function mondayOf(date: WallTime): number {
  const day = dayNumber(date);
  return day - weekdayOf(day);
}

/**
 * The week of the rebuild a date falls in (Monday-to-Sunday weeks; 1 = the
 * week of Rebuild Start), by calendar days of the spreadsheet's zone.
 */
export function rebuildWeekOf(date: Arg, rebuildStart: Arg, clock: WallClock) {
  const fn = 'REBUILD_WEEK';
  const startCell = singleCell(fn, 'rebuild_start', rebuildStart);
  const start = toWallTime(startCell, clock);
  if (start === undefined) {
    throw formulaError(
      fn,
      `rebuild_start is ${show(startCell, clock)}, not a date`,
    );
  }
  const startMonday = mondayOf(start);
  return elementwise(fn, ['date'], [date], ([d], row) => {
    const day = toWallTime(d, clock);
    if (day === undefined)
      throw formulaError(fn, `date is ${show(d, clock)}, not a date`, row);
    return Math.floor((mondayOf(day) - startMonday) / 7) + 1;
  });
}
