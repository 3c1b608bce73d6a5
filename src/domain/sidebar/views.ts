/**
 * What the sidebar shows, built from the rows of Commitments, Grades, Signals
 * and Deals as the table layer read them. Pure: calendar days arrive as
 * instant ranges computed once by the services layer, so classifying any
 * number of rows costs no service call. Every instant leaves as ISO text.
 */
import type {LocalDate} from '../calendar';
import {
  isBlank,
  isDate,
  toFlag,
  toNumber,
  toText,
  wallTimeOfText,
} from '../cells';
import {isoDay} from '../wall-clock';
import {planProblem} from './grades';
import type {
  AttendanceView,
  CommitmentView,
  DealOption,
  GradeView,
  PlanView,
  SignalView,
} from './types';
import {versionAt} from './version';
import {GRADES, type Grade} from '../workbook';

/** A row as the table layer read it: the sheet row and its values by contract header. */
export interface SheetRow {
  rowNumber: number;
  record: Readonly<Record<string, unknown>>;
}

/** Local days [first, last] of the spreadsheet's zone as the instants [from, to) they span. */
export interface DaySpan {
  first: LocalDate;
  last: LocalDate;
  from: number;
  to: number;
}

/** Whether a cell falls on a day of the span: a date cell by its instant, typed text by its date. */
export function inSpan(value: unknown, span: DaySpan): boolean {
  if (isDate(value)) {
    const t = value.getTime();
    return t >= span.from && t < span.to;
  }
  if (typeof value !== 'string' || isBlank(value)) return false;
  const wall = wallTimeOfText(value);
  if (wall === undefined) return false;
  const day = isoDay(wall);
  return day >= span.first && day <= span.last;
}

/** An instant cell as ISO text; typed text is passed as typed ('' when blank). */
export function isoOf(value: unknown): string {
  if (isDate(value)) return isNaN(value.getTime()) ? '' : value.toISOString();
  return toText(value);
}

export function gradeOf(value: unknown): Grade | '' {
  const text = toText(value).toLowerCase();
  return GRADES.find(g => g.toLowerCase() === text) ?? '';
}

const sameId = (a: unknown, b: unknown) =>
  toText(a).toLowerCase() === toText(b).toLowerCase();

function gradeView(record: SheetRow['record']): GradeView | null {
  const grade = gradeOf(record['Grade']);
  if (grade === '') return null;
  return {
    grade,
    reason: toText(record['Reason']),
    nextAction: toText(record['Next Action']),
    gradedBy: toText(record['Graded By']),
    gradedAt: isoOf(record['Graded At']),
  };
}

/** This week's Grades row of a commitment: the first one, as the snapshot and upsert read it. */
export function gradeRowFor(
  grades: readonly SheetRow[],
  commitmentId: string,
  week: DaySpan,
): SheetRow | undefined {
  return grades.find(
    g =>
      sameId(g.record['Commitment ID'], commitmentId) &&
      inSpan(g.record['Week Ending'], week),
  );
}

export interface PlanInputs {
  commitments: readonly SheetRow[];
  grades: readonly SheetRow[];
  /** Every cell of the Grades tab as read (header first), for row versions. */
  gradeCells: readonly (readonly unknown[])[];
  thisWeek: DaySpan;
  lastWeek: DaySpan;
}

/** Active as the snapshot counts it: ticked, or left blank (only an unticked box retires a commitment). */
export function isActive(value: unknown): boolean {
  return isBlank(value) || toFlag(value);
}

export function activeCommitments(
  commitments: readonly SheetRow[],
): SheetRow[] {
  return commitments.filter(
    c => isActive(c.record['Active']) && !isBlank(c.record['Commitment ID']),
  );
}

/** The active commitments with last week's grade and pledge beside this week's, and the plan's problem. */
export function planView(inputs: PlanInputs): PlanView {
  const active = activeCommitments(inputs.commitments);
  const commitments: CommitmentView[] = active.map(c => {
    const id = toText(c.record['Commitment ID']);
    const current = gradeRowFor(inputs.grades, id, inputs.thisWeek);
    const previous = gradeRowFor(inputs.grades, id, inputs.lastWeek);
    return {
      id,
      commitment: toText(c.record['Commitment']),
      metric: toText(c.record['Metric']),
      target: toText(c.record['Target']),
      owner: toText(c.record['Owner']),
      lastWeek: previous ? gradeView(previous.record) : null,
      thisWeek: current ? gradeView(current.record) : null,
      version: versionAt(inputs.gradeCells, current?.rowNumber),
    };
  });
  return {commitments, problem: planProblem(commitments.length)};
}

/** This week's Signals rows, oldest first as the tab holds them. */
export function signalViews(
  signals: readonly SheetRow[],
  cells: readonly (readonly unknown[])[],
  week: DaySpan,
): SignalView[] {
  return signals
    .filter(s => inSpan(s.record['Logged At'], week))
    .map(s => signalView(s, cells));
}

export function signalView(
  s: SheetRow,
  cells: readonly (readonly unknown[])[],
): SignalView {
  const r = s.record;
  return {
    row: s.rowNumber,
    version: versionAt(cells, s.rowNumber),
    loggedAt: isoOf(r['Logged At']),
    dealId: toText(r['Deal ID']),
    signal: toText(r['Signal']),
    source: toText(r['Source']),
    note: toText(r['Note']),
    savePlay: toText(r['Save Play']),
    savePlayOwner: toText(r['Save Play Owner']),
    executedOn: isoOf(r['Save Play Executed On']),
    outcome: toText(r['Outcome']),
    loggedBy: toText(r['Logged By']),
    withdrawnAt: isoOf(r['Withdrawn At']),
  };
}

/** This week's Attendance row: the first one, as the snapshot reads it. */
export function attendanceRowFor(
  rows: readonly SheetRow[],
  week: DaySpan,
): SheetRow | undefined {
  return rows.find(r => inSpan(r.record['Week Ending'], week));
}

export function attendanceView(
  rows: readonly SheetRow[],
  cells: readonly (readonly unknown[])[],
  week: DaySpan,
): AttendanceView {
  const row = attendanceRowFor(rows, week);
  if (!row) return {invited: '', attended: '', version: ''};
  const count = (v: unknown) => toNumber(v) ?? '';
  return {
    invited: count(row.record['Invited']),
    attended: count(row.record['Attended']),
    version: versionAt(cells, row.rowNumber),
  };
}

const CLOSED = new Set(['closed won', 'closed lost']);

/** Deals a signal can be logged on: every deal not closed, by id. */
export function dealOptions(deals: readonly SheetRow[]): DealOption[] {
  return deals
    .filter(d => !isBlank(d.record['Deal ID']))
    .filter(
      d => !CLOSED.has(toText(d.record['Forecast Category']).toLowerCase()),
    )
    .map(d => ({
      id: toText(d.record['Deal ID']),
      name: toText(d.record['Deal']),
      owner: toText(d.record['Owner']),
      category: toText(d.record['Forecast Category']),
    }));
}

/** The Deals row of an id, compared as a person would (trimmed, any case). */
export function findDeal(
  deals: readonly SheetRow[],
  dealId: string,
): SheetRow | undefined {
  return deals.find(d => sameId(d.record['Deal ID'], dealId));
}
