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
import {edited} from './input-error';
import {planData, readPlanData} from './plan/signed';
import {weeklyChanges, weeklyFromValues, weeklyValues} from './weekly/record';

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

/** Line breaks as one kind (a cell may not keep a CR as written; the chain must verify after a read). */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');

/** Commitments as one readable cell, a line each: "C1 (Gate every commit): Yellow — reason → next action". Shown, never read back. */
export function commitmentGradesText(commitments: CommitmentGrade[]): string {
  return lf(
    commitments
      .map(
        c =>
          `${c.id} (${c.commitment}): ${c.grade || 'Not graded'}${c.reason ? ` — ${c.reason}` : ''}${c.nextAction ? ` → ${c.nextAction}` : ''}`,
      )
      .join('\n'),
  );
}

/** A cell holds 50,000 characters; the written text carries one more (safe-text's leading apostrophe). */
export const CELL_LIMIT = 49_999;

/**
 * The grades as data for the Grades Data cell: JSON, one
 * [ID, title, grade, reason, next action] per commitment. What the email, the
 * PDF and a re-send read back; the display cell is only shown.
 */
export function gradesData(commitments: CommitmentGrade[]): string {
  return JSON.stringify(
    commitments.map(c => [c.id, c.commitment, c.grade, c.reason, c.nextAction]),
  );
}

const isGrade = (g: unknown): g is Grade | '' =>
  g === '' || g === 'Green' || g === 'Yellow' || g === 'Red';

/** The Grades Data cell read back; an Error when it is not what the add-on writes (the chain also flags an edit). */
export function readGradesData(text: string): CommitmentGrade[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const ok =
    Array.isArray(data) &&
    data.every(
      (c: unknown) =>
        Array.isArray(c) &&
        c.length === 5 &&
        c.every(v => typeof v === 'string') &&
        isGrade(c[2]),
    );
  if (!ok) {
    throw edited('Grades Data is not the list of grades');
  }
  return (data as string[][]).map(([id, commitment, grade, reason, next]) => ({
    id,
    commitment,
    grade: grade as Grade | '',
    reason,
    nextAction: next,
  }));
}

export const SCORECARD_HEADERS = SCORECARD.columns.map(c => c.header);

/**
 * Columns added after rows were first recorded (every one after Chain): the chain covers each only
 * when it holds something, so a row written before them verifies unchanged.
 */
export const LATER_COLUMNS: readonly string[] = SCORECARD_HEADERS.slice(
  SCORECARD_HEADERS.indexOf('CRO Name'),
);

type NumberField = {
  [K in keyof WeekRecord]-?: WeekRecord[K] extends number | '' | undefined
    ? K
    : never;
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
  ['Adjusted Committed', 'adjustedCommitted'],
  ['Adjusted Variance', 'adjustedVariance'],
];

/**
 * The record's cells by Scorecard header (all but when, who took it and the
 * chain). Refuses, naming the commitment, grades too long for one cell.
 */
export function recordValues(record: WeekRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [header, field] of NUMBER_COLUMNS)
    values[header] = record[field] ?? '';
  Object.assign(values, weeklyValues(record));
  values['Commitment Grades'] = commitmentGradesText(record.commitments);
  values['Grades Data'] = gradesData(record.commitments);
  values['CRO Name'] = record.croName ?? '';
  values['Plan Data'] = planData(record.plan);
  for (const h of ['Commitment Grades', 'Grades Data']) {
    const length = String(values[h]).length;
    if (length <= CELL_LIMIT) continue;
    const size = (c: CommitmentGrade) =>
      c.commitment.length + c.reason.length + c.nextAction.length;
    const longest = record.commitments.reduce((a, b) =>
      size(b) > size(a) ? b : a,
    );
    throw new Error(
      `Commitment ${longest.id} ("${longest.commitment.slice(0, 40)}") is too long to record: the Scorecard's ${h} cell would hold ${length} characters, and a cell holds 50,000 characters. Shorten its title on the Commitments tab, or its reason or next action.`,
    );
  }
  return values;
}

/**
 * A recorded row read back as a record, to (re)send exactly what was
 * recorded. A row written before Grades Data existed has no grades as data:
 * its commitments stay empty and its display text is kept as written
 * (recordedGradesText), never parsed into grades.
 */
export function recordFromValues(
  weekEnding: LocalDate,
  values: Readonly<Record<string, unknown>>,
): WeekRecord {
  const record = {weekEnding} as Record<string, unknown>;
  for (const [header, field] of NUMBER_COLUMNS) {
    const v = values[header];
    record[field] = typeof v === 'number' ? v : '';
  }
  const data = values['Grades Data'];
  const cro = values['CRO Name'];
  if (typeof cro === 'string' && cro !== '') record.croName = cro;
  const plan = values['Plan Data'];
  if (typeof plan === 'string' && plan !== '') record.plan = readPlanData(plan);
  Object.assign(record, weeklyFromValues(values));
  if (typeof data === 'string' && data !== '') {
    record.commitments = readGradesData(data);
  } else {
    record.commitments = [];
    record.recordedGradesText = String(values['Commitment Grades'] ?? '');
  }
  return record as unknown as WeekRecord;
}

/** A recorded value as a person reads it: money in the Currency, shares as percentages. */
function shown(
  header: string,
  v: number | '' = '',
  money: MoneyFormat,
): string {
  if (v === '') return '(blank)';
  // The column's kind in the contract says how it reads (no second list to keep in step).
  const kind = SCORECARD.columns.find(c => c.header === header)?.kind;
  if (kind === 'currency') return formatMoney(v, money);
  if (kind === 'percent') return percent(v);
  return String(Math.round(v * 1e6) / 1e6);
}

const differs = (a: number | '' = '', b: number | '' = '') =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) >= 1e-9
    : a !== b;

/** What changed of one commitment, in words ("Yellow → Green", "reason edited"). */
function commitmentChange(
  was: CommitmentGrade | undefined,
  now: CommitmentGrade | undefined,
): string {
  const grade = (c: CommitmentGrade) => c.grade || 'not graded';
  if (!was) return `added, ${grade(now!)}`;
  if (!now) return 'no longer active';
  const parts: string[] = [];
  if (was.grade !== now.grade) parts.push(`${grade(was)} → ${grade(now)}`);
  if (was.commitment !== now.commitment) parts.push('title edited');
  if (was.reason !== now.reason) parts.push('reason edited');
  if (was.nextAction !== now.nextAction) parts.push('next action edited');
  return parts.join(', ');
}

/**
 * What changed between two records of a week, in plain words: each
 * commitment, then each number ("C2: Yellow → Green", "Closed: $2,215,000 →
 * $2,265,000"). The colour counts are left out: the commitments say it.
 * A record read from a row written before grades were data is compared by
 * its grades text as written.
 */
export function describeChanges(
  before: WeekRecord,
  after: WeekRecord,
  money: MoneyFormat = usDollars(),
): string[] {
  const lines: string[] = [];
  if (before.recordedGradesText !== undefined) {
    if (
      lf(before.recordedGradesText) !== commitmentGradesText(after.commitments)
    )
      lines.push('Commitment grades: changed');
  } else {
    const was = new Map(before.commitments.map(c => [c.id, c]));
    const now = new Map(after.commitments.map(c => [c.id, c]));
    for (const id of new Set([...was.keys(), ...now.keys()])) {
      const change = commitmentChange(was.get(id), now.get(id));
      if (change) lines.push(`${id}: ${change}`);
    }
  }
  lines.push(...weeklyChanges(before, after));
  for (const [header, field] of NUMBER_COLUMNS) {
    if (header === 'Green' || header === 'Yellow' || header === 'Red') continue;
    if (differs(before[field], after[field]))
      lines.push(
        `${header}: ${shown(header, before[field], money)} → ${shown(header, after[field], money)}`,
      );
  }
  return lines;
}
