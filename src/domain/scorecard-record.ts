/**
 * One week of the public record, as the snapshot computes it and the
 * Scorecard tab, the CFO email and the sidebar show it.
 */
import type {Grade} from './workbook';
import type {LocalDate} from './calendar';
import type {MoneyFormat} from './money';
import type {SignedPlan} from './plan/signed';
import type {WrongCall} from './weekly/weekly';

export interface CommitmentGrade {
  id: string;
  commitment: string;
  grade: Grade | '';
  reason: string;
  nextAction: string;
}

export interface WeekRecord {
  weekEnding: LocalDate;
  week: number;
  committed: number | '';
  closed: number | '';
  variance: number | '';
  varianceTarget: number | '';
  gateCompliance: number | '';
  gateTarget: number | '';
  signalsFired: number;
  signalsPriorWeek: number;
  savePlaysExecuted: number;
  /** Save-plays assigned but not executed yet (known when computed, not stored in the Scorecard row). */
  savePlaysAssigned?: number;
  savePlayRate: number | '';
  attendance: number | '';
  green: number;
  yellow: number;
  red: number;
  commitments: CommitmentGrade[];
  /** The CRO Name setting when the row was recorded. */
  croName?: string;
  /**
   * Only for a row recorded before grades were kept as data: its Commitment
   * Grades text as written (commitments is then empty). Shown, never parsed.
   */
  recordedGradesText?: string;
  /** The signed 60-day plan, with the week ending's day of it (signed on or before it). */
  plan?: SignedPlan;
  // weekly (issue 13): absent on rows recorded before, and left out when empty.
  /** This week's wrong calls with the CRO's sentence for each (§6). */
  wrongCalls?: WrongCall[];
  /** The recommit update the CRO chose to include this Friday (§5). */
  recommit?: string;
  /** The week's commit adjusted for a downturn, and the variance against it (§7). */
  adjustedCommitted?: number | '';
  adjustedVariance?: number | '';
  /** REINFLATION_CHECK's warning on the quarter's commit, e.g. "Q4 FY27: AGGRESSIVE TOO SOON: 1 of 2 delivered" (§2). */
  warning?: string;
}

/** Thresholds that colour the numbers, and how amounts are written (from Settings). */
export interface StatusThresholds {
  savePlayThreshold: number;
  attendanceLow: number;
  attendanceHigh: number;
  /** The Currency setting in the spreadsheet locale's writing; US dollars when absent. */
  money?: MoneyFormat;
}
