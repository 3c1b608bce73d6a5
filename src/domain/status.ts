/**
 * Green / yellow / red for each weekly number against its target, the way
 * the CRO reads them aloud on Friday. The bands around each target are our
 * choice (docs/playbook.md gives the targets, not the bands) and are documented in
 * the README.
 */
import {percent} from './words';
import type {StatusThresholds, WeekRecord} from './scorecard-record';
import {plural} from './words';
import {formatMoney, usDollars} from './money';
import type {Settings} from './settings';

/** The thresholds and currency the statuses need, from the settings. */
export function statusThresholds(settings: Settings): StatusThresholds {
  return {
    savePlayThreshold: settings.savePlayThreshold,
    attendanceLow: settings.attendanceThresholds.low,
    attendanceHigh: settings.attendanceThresholds.high,
    money: settings.currency,
  };
}

export type Status = 'green' | 'yellow' | 'red' | 'none';

export interface NumberStatus {
  metric: string;
  value: number | '';
  target: string;
  status: Status;
  /** A short sentence saying where the number stands. */
  says: string;
}

// One precision everywhere: a decimal below 10% ("4.5%"), whole percents above ("23%").
const pct = percent;

/**
 * Which way the forecast missed, from the bias (closed − committed) ÷
 * committed: "over-forecast by 4.5%" when less closed than committed, "beat
 * commit by 2.9%" when more; "" when either is missing.
 */
export function varianceWords(
  committed: number | '',
  closed: number | '',
): string {
  if (committed === '' || closed === '' || committed === 0) return '';
  const bias = (closed - committed) / committed;
  if (bias === 0) return 'closed exactly the commit';
  return bias < 0
    ? `over-forecast by ${pct(-bias)}`
    : `beat commit by ${pct(bias)}`;
}

/** Assigned save-plays are not in the rate: said apart so "executed" means executed. */
const assignedNote = (assigned: number | undefined) =>
  assigned === undefined ? '' : `; ${assigned} more assigned, not yet executed`;

/** Variance: green at or under target, yellow up to 1.5× target, red beyond. */
export function varianceStatus(
  variance: number | '',
  target: number | '',
): Status {
  if (variance === '' || target === '') return 'none';
  if (variance <= target) return 'green';
  return variance <= target * 1.5 ? 'yellow' : 'red';
}

/** Gate compliance: green at or above target, yellow within 10 points, red below that. */
export function gateStatus(
  compliance: number | '',
  target: number | '',
): Status {
  if (compliance === '' || target === '') return 'none';
  if (compliance >= target) return 'green';
  return compliance >= target - 0.1 ? 'yellow' : 'red';
}

/** Slip-signal density should decline week over week: lower green, level yellow, higher red. */
export function densityStatus(
  fired: number,
  prior: number,
  week: number,
): Status {
  if (week <= 1) return 'none';
  if (fired < prior || fired === 0) return 'green';
  return fired === prior ? 'yellow' : 'red';
}

/** Save-play rate: at or above the threshold is operational; within 20 points yellow; else decorative. */
export function savePlayStatus(rate: number | '', threshold: number): Status {
  if (rate === '') return 'none';
  if (rate >= threshold) return 'green';
  return rate >= threshold - 0.2 ? 'yellow' : 'red';
}

/** Attendance: below the low line the audience is disengaging; above the high line, engaged. */
export function attendanceStatus(
  rate: number | '',
  low: number,
  high: number,
): Status {
  if (rate === '') return 'none';
  if (rate < low) return 'red';
  return rate > high ? 'green' : 'yellow';
}

/** The five numbers of the week with their status, in the order the scorecard reads them. */
export function weekStatuses(
  record: WeekRecord,
  thresholds: StatusThresholds,
): NumberStatus[] {
  const v = record.variance;
  const money = (n: number | '') =>
    formatMoney(n, thresholds.money ?? usDollars());
  const direction = varianceWords(record.committed, record.closed);
  const vt = record.varianceTarget;
  const g = record.gateCompliance;
  const gt = record.gateTarget;
  return [
    {
      metric: 'Forecast variance',
      value: v,
      target: vt === '' ? '—' : `at most ${pct(vt)}`,
      status: varianceStatus(v, vt),
      says:
        v === ''
          ? 'no forecast row for this week'
          : direction
            ? `${direction}: ${money(record.closed)} closed of ${money(record.committed)} committed`
            : pct(v),
    },
    {
      metric: 'Qualification-gate compliance',
      value: g,
      target: gt === '' ? '—' : `at least ${pct(gt)}`,
      status: gateStatus(g, gt),
      says:
        g === ''
          ? 'no Commit deals'
          : `${pct(g)} of Commit deals pass the gate`,
    },
    {
      metric: 'Slip-signal density',
      value: record.signalsFired,
      target: `fewer than last week (${record.signalsPriorWeek})`,
      status: densityStatus(
        record.signalsFired,
        record.signalsPriorWeek,
        record.week,
      ),
      says: `${plural(record.signalsFired, 'signal')} this week, ${record.signalsPriorWeek} last week`,
    },
    {
      metric: 'Save-play execution rate',
      value: record.savePlayRate,
      target: `at least ${pct(thresholds.savePlayThreshold)}`,
      status: savePlayStatus(record.savePlayRate, thresholds.savePlayThreshold),
      says:
        record.savePlayRate === ''
          ? 'no signals fired this week'
          : `${record.savePlaysExecuted} of ${record.signalsFired} signals had their save-play executed (${pct(record.savePlayRate)})${assignedNote(record.savePlaysAssigned)}`,
    },
    {
      metric: 'Scorecard attendance',
      value: record.attendance,
      target: `above ${pct(thresholds.attendanceHigh)}`,
      status: attendanceStatus(
        record.attendance,
        thresholds.attendanceLow,
        thresholds.attendanceHigh,
      ),
      says:
        record.attendance === ''
          ? 'no attendance recorded'
          : `${pct(record.attendance)} of those invited attended`,
    },
  ];
}

export function formatPercent(value: number | ''): string {
  return value === '' ? '—' : pct(value);
}
