/**
 * What crosses the wire between the CRO's sidebar and the server. Plain JSON
 * only: google.script.run turns a Date inside a result into null and refuses
 * Date arguments, so every instant is an ISO string and every calendar date
 * a "YYYY-MM-DD" local date of the spreadsheet's time zone.
 */
import type {LocalDate} from '../calendar';
import type {StatusThresholds, WeekRecord} from '../scorecard-record';
import type {Grade} from '../workbook';

/** Longest text a person may type into one sidebar field (a Sheets cell holds 50,000). */
export const MAX_TEXT = 2000;
/** Longest id or person's name (a commitment id, a deal id, a save-play owner). */
export const MAX_NAME = 200;
/** A wrong call's one sentence (one line), and the recommit update (weekly, issue 13 §5, §6). */
export const MAX_SENTENCE = 500;
export const MAX_UPDATE = 5000;

export interface GradeView {
  grade: Grade;
  reason: string;
  nextAction: string;
  gradedBy: string;
  /** ISO instant ('' when the cell is blank). */
  gradedAt: string;
}

export interface CommitmentView {
  id: string;
  commitment: string;
  metric: string;
  target: string;
  owner: string;
  /** Last week's grade: its Next Action is the pledge this week is graded against. */
  lastWeek: GradeView | null;
  thisWeek: GradeView | null;
  /** Version of this week's Grades row as loaded ('' when there is none yet). */
  version: string;
}

export interface PlanView {
  commitments: CommitmentView[];
  /** Why the plan is not 3 to 5 active commitments ('' when it is). */
  problem: string;
}

export type SavePlayState = 'none' | 'assigned' | 'executed' | 'withdrawn';

export interface SignalView {
  /** Sheet row of the Signals tab, with the row's version: a write must find both unchanged. */
  row: number;
  version: string;
  /** ISO instant. */
  loggedAt: string;
  dealId: string;
  signal: string;
  source: string;
  note: string;
  savePlay: string;
  savePlayOwner: string;
  /** ISO instant of the date cell, or the date as typed ('' until executed). */
  executedOn: string;
  outcome: string;
  /** Who logged it from the sidebar ('' for the slip check's and older rows): only they may withdraw it. */
  loggedBy: string;
  /** ISO instant it was withdrawn ('' while it counts). */
  withdrawnAt: string;
}

/** This week's Attendance row as loaded ('' where blank; version '' when there is no row yet). */
export interface AttendanceView {
  invited: number | '';
  attended: number | '';
  version: string;
}

export interface DealOption {
  id: string;
  name: string;
  owner: string;
  category: string;
}

export interface ScorecardView {
  record: WeekRecord;
  thresholds: StatusThresholds;
}

export interface SidebarData {
  user: string;
  timeZone: string;
  today: LocalDate;
  weekEnding: LocalDate;
  week: number;
  plan: PlanView;
  /** This week's signals (Monday to Sunday of the week ending), oldest first. */
  signals: SignalView[];
  /** Open deals (not Closed Won / Closed Lost) the CRO can log a signal on. */
  deals: DealOption[];
  /**
   * Why the Deals tab could not be read ('' when it could), naming the tab,
   * the header or the cell: no deal is offered and gate compliance is blank.
   */
  dealsProblem: string;
  scorecard: ScorecardView;
  attendance: AttendanceView;
}

/** A refused write: the message names the field (a dotted path, or "<commitment id>.<field>"). */
export interface Refusal {
  ok: false;
  message: string;
  field?: string;
}

export type WriteResult<T> = {ok: true; value: T} | Refusal;

export interface SavedGrades {
  plan: PlanView;
}

export interface SavedSignals {
  signals: SignalView[];
}

export interface SavedAttendance {
  attendance: AttendanceView;
}
