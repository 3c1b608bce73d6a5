/**
 * The weekly snapshot's arithmetic: from the week's rows of Forecast, Grades,
 * Commitments, Signals and Attendance (already parsed to local dates), the
 * record of docs/playbook.md's weekly numbers, and how it is laid out as a
 * Scorecard row, compared for amendments, and summarised.
 */
import {addDays, mondayOf, type LocalDate} from './calendar';
import type {CommitmentGrade, WeekRecord} from './scorecard-record';
import {SCORECARD, type Grade} from './workbook';
import {formatMoney, usDollars, type MoneyFormat} from './money';
import {percent} from './words';

export interface ForecastWeek {
  week: number | '';
  weekEnding: LocalDate | '';
  committed: number | '';
  closed: number | '';
}

export interface CommitmentRow {
  id: string;
  commitment: string;
  active: boolean;
}

export interface GradeRow {
  weekEnding: LocalDate;
  commitmentId: string;
  grade: Grade;
  reason: string;
  nextAction: string;
}

export interface SignalRow {
  /** Any day of the week it was logged in. */
  loggedOn: LocalDate;
  /** Its save-play has an execution date. */
  executed: boolean;
  /** It has a save-play (action), executed or not. */
  assigned?: boolean;
}

export interface AttendanceRow {
  weekEnding: LocalDate;
  invited: number;
  attended: number;
}

export interface WeekInputs {
  weekEnding: LocalDate;
  week: number;
  forecast: ForecastWeek[];
  commitments: CommitmentRow[];
  grades: GradeRow[];
  signals: SignalRow[];
  attendance: AttendanceRow[];
  /** Share of Commit deals passing the gate at the week ending ('' when there are none). */
  gateCompliance: number | '';
  varianceTarget: number | '';
  gateTarget: number | '';
}

/** The week's Forecast row: by Week Ending when present, else by Week number. */
export function forecastFor(
  rows: ForecastWeek[],
  weekEnding: LocalDate,
  week: number,
): ForecastWeek | undefined {
  return (
    rows.find(r => r.weekEnding === weekEnding) ??
    rows.find(r => r.weekEnding === '' && r.week === week)
  );
}

export function varianceOf(
  committed: number | '',
  closed: number | '',
): number | '' {
  if (committed === '' || closed === '') return '';
  if (committed === 0) return closed === 0 ? 0 : '';
  return Math.abs(closed - committed) / committed;
}

const inWeek = (date: LocalDate | '', monday: LocalDate) =>
  date !== '' && date >= monday && date <= addDays(monday, 6);

export function computeWeekRecord(inputs: WeekInputs): WeekRecord {
  const monday = mondayOf(inputs.weekEnding);
  const priorMonday = addDays(monday, -7);
  const forecast = forecastFor(inputs.forecast, inputs.weekEnding, inputs.week);
  const committed = forecast?.committed ?? '';
  const closed = forecast?.closed ?? '';

  const thisWeek = inputs.signals.filter(s => inWeek(s.loggedOn, monday));
  const executed = thisWeek.filter(s => s.executed).length;
  const assigned = thisWeek.filter(s => s.assigned && !s.executed).length;
  const prior = inputs.signals.filter(s =>
    inWeek(s.loggedOn, priorMonday),
  ).length;

  const attendance = inputs.attendance.find(
    a => a.weekEnding === inputs.weekEnding,
  );

  const gradesThisWeek = new Map(
    inputs.grades
      .filter(g => g.weekEnding === inputs.weekEnding)
      .map(g => [g.commitmentId, g]),
  );
  const commitments: CommitmentGrade[] = inputs.commitments
    .filter(c => c.active)
    .map(c => {
      const g = gradesThisWeek.get(c.id);
      return {
        id: c.id,
        commitment: c.commitment,
        grade: g?.grade ?? '',
        reason: g?.reason ?? '',
        nextAction: g?.nextAction ?? '',
      };
    });
  const count = (grade: Grade) =>
    commitments.filter(c => c.grade === grade).length;

  return {
    weekEnding: inputs.weekEnding,
    week: inputs.week,
    committed,
    closed,
    variance: varianceOf(committed, closed),
    varianceTarget: inputs.varianceTarget,
    gateCompliance: inputs.gateCompliance,
    gateTarget: inputs.gateTarget,
    signalsFired: thisWeek.length,
    signalsPriorWeek: prior,
    savePlaysExecuted: executed,
    savePlaysAssigned: assigned,
    savePlayRate: thisWeek.length === 0 ? '' : executed / thisWeek.length,
    attendance:
      attendance && attendance.invited > 0
        ? attendance.attended / attendance.invited
        : '',
    green: count('Green'),
    yellow: count('Yellow'),
    red: count('Red'),
    commitments,
  };
}

/** Commitments as one readable cell, a line each: "C1 (Gate every commit): Yellow — reason → next action". */
export function commitmentGradesText(commitments: CommitmentGrade[]): string {
  return commitments
    .map(
      c =>
        `${c.id} (${c.commitment}): ${c.grade || 'Not graded'}${c.reason ? ` — ${c.reason}` : ''}${c.nextAction ? ` → ${c.nextAction}` : ''}`,
    )
    .join('\n');
}

const GRADE_LINE =
  /^(\S+) \((.*)\): (Green|Yellow|Red|Not graded)(?: — (.*?))?(?: → (.*))?$/s;

/** Reads the cell back (for re-sending a recorded week); lines it cannot read keep their text. */
export function parseCommitmentGrades(text: string): CommitmentGrade[] {
  if (text.trim() === '') return [];
  return text.split('\n').map(line => {
    const m = GRADE_LINE.exec(line);
    if (!m)
      return {id: '', commitment: line, grade: '', reason: '', nextAction: ''};
    return {
      id: m[1],
      commitment: m[2],
      grade: m[3] === 'Not graded' ? '' : (m[3] as Grade),
      reason: m[4] ?? '',
      nextAction: m[5] ?? '',
    };
  });
}

export const SCORECARD_HEADERS = SCORECARD.columns.map(c => c.header);

type NumberField = {
  [K in keyof WeekRecord]-?: WeekRecord[K] extends number | '' ? K : never;
}[keyof WeekRecord];

/** The Scorecard columns that hold a number of the record: one mapping for writing, reading back and diffing. */
export const NUMBER_COLUMNS: ReadonlyArray<
  [header: string, field: NumberField]
> = [
  ['Week', 'week'],
  ['Committed', 'committed'],
  ['Closed', 'closed'],
  ['Forecast Variance', 'variance'],
  ['Variance Target', 'varianceTarget'],
  ['Gate Compliance', 'gateCompliance'],
  ['Gate Target', 'gateTarget'],
  ['Signals Fired', 'signalsFired'],
  ['Signals Prior Week', 'signalsPriorWeek'],
  ['Save Plays Executed', 'savePlaysExecuted'],
  ['Save-Play Rate', 'savePlayRate'],
  ['Attendance', 'attendance'],
  ['Green', 'green'],
  ['Yellow', 'yellow'],
  ['Red', 'red'],
];

/** The record's values by Scorecard header (everything an amendment compares: all but who and when). */
export function comparableValues(record: WeekRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [header, field] of NUMBER_COLUMNS) values[header] = record[field];
  values['Commitment Grades'] = commitmentGradesText(record.commitments);
  return values;
}

/** A recorded row read back as a record, to (re)send exactly what was recorded. */
export function recordFromValues(
  weekEnding: LocalDate,
  values: Readonly<Record<string, unknown>>,
): WeekRecord {
  const record = {weekEnding} as Record<string, unknown>;
  for (const [header, field] of NUMBER_COLUMNS) {
    const v = values[header];
    record[field] = typeof v === 'number' ? v : '';
  }
  record.commitments = parseCommitmentGrades(
    String(values['Commitment Grades'] ?? ''),
  );
  return record as unknown as WeekRecord;
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) < 1e-9
    : a === b;

/** A recorded value as the email shows it: money in the Currency, shares as percentages. */
function shown(header: string, v: unknown, money: MoneyFormat): string {
  if (typeof v === 'number') {
    // The column's kind in the contract says how it reads (no second list to keep in step).
    const kind = SCORECARD.columns.find(c => c.header === header)?.kind;
    if (kind === 'currency') return formatMoney(v, money);
    if (kind === 'percent') return percent(v);
    return String(Math.round(v * 1e6) / 1e6);
  }
  return v === '' ? '(blank)' : String(v).replace(/\n/g, '; ');
}

/** What changed between the last recorded values of a week and the new record, in words. */
export function describeChanges(
  recorded: Record<string, unknown>,
  record: WeekRecord,
  money: MoneyFormat = usDollars(),
): string[] {
  const now = comparableValues(record);
  return Object.keys(now)
    .filter(h => !close(recorded[h], now[h]))
    .map(
      h => `${h} ${shown(h, recorded[h], money)} → ${shown(h, now[h], money)}`,
    );
}
