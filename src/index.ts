/**
 * The add-on's whole public surface. Every global Apps Script calls is
 * declared here with JSDoc and only delegates; scripts/build.ts re-emits each
 * export as a top-level function, a custom function with this JSDoc, so its
 * help reaches Sheets' autocomplete.
 */
import {forecastBias, forecastVariance} from './formulas/forecast';
import {commitBreakdown, defensibleCommit} from './formulas/defensible';
import {gateCheck, gateCompliance} from './formulas/gate';
import {earlyWarningOf, leadingIndicatorsOf} from './formulas/leads';
import {
  missHeadlineOf,
  missPatternOf,
  missSplitOf,
  missTypeOf,
  trustStreakOf,
} from './formulas/miss';
import {optionsRank} from './formulas/options';
import {reinflationCheck} from './formulas/reinflation';
import {
  attendanceRate,
  attendanceStatus,
  savePlayRate,
  savePlayStatus,
} from './formulas/rates';
import {flaggedDeals, signalDensity, slipSignals} from './formulas/signals';
import {
  gateStatus,
  gateTarget,
  rebuildWeekOf,
  recoveryTarget,
  varianceStatus,
} from './formulas/targets';
import {activeSheetClock} from './services/clock';
import {buildMenu} from './services/menu';
import {
  checkSlips,
  checkSlipsFromMenu,
  scheduleFromMenu,
  previewWeekSnapshot,
  readWeekRecordStatus,
  takeSnapshot,
  takeSnapshotFromMenu,
  tick,
  unscheduleFromMenu,
  verifyRecord,
  verifyRecordFromMenu,
} from './services/record-actions';
import {showSettingsHelp as settingsHelpDialog} from './services/settings';
import type {
  AssignSavePlayInput,
  ExecuteSavePlayInput,
  LogSignalInput,
  RecordAttendanceInput,
  SaveGradesInput,
  SaveWordsInput,
  WithdrawSignalInput,
} from './domain/sidebar/schemas';
import type {
  SavedAttendance,
  SavedGrades,
  SavedSignals,
  SidebarData,
  WriteResult,
} from './domain/sidebar/types';
import {recordAttendance as recordWeekAttendance} from './services/sidebar/attendance';
import {saveGrades as saveWeekGrades} from './services/sidebar/grades';
import {
  saveWords as saveWeekWords,
  type SavedWords,
} from './services/sidebar/words';
import {loadSidebar as loadSidebarData} from './services/sidebar/load';
import {openSidebar as showSidebar} from './services/sidebar/open';
import {
  assignSavePlay as assignSignalSavePlay,
  executeSavePlay as executeSignalSavePlay,
  logSignal as logSlipSignal,
  withdrawSignal as withdrawSlipSignal,
} from './services/sidebar/signals';
import {setUpWorkbookFromMenu} from './services/setup';
import {draftFromMenu, emailFromMenu} from './services/post-mortem/menu';
import {signPlanFromMenu} from './services/plan/sign';

// ---------------------------------------------------------------- lifecycle

/**
 * Builds the menu only: may run in AuthMode.NONE.
 * @param {Object} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu();
}

/**
 * Builds the menu at install.
 * @param {Object} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// ---------------------------------------------------------------- menu items

/** Menu: Set up workbook (adds only what is missing). */
export function setUpWorkbook(): void {
  setUpWorkbookFromMenu();
}

/** Menu: Open scorecard sidebar. The CRO grades commitments and logs slip signals and save-plays there. */
export function openSidebar(): void {
  showSidebar();
}

/** Menu: Snapshot this week now. */
export function snapshotWeekFromMenu(): void {
  takeSnapshotFromMenu();
}

/** Menu: Run slip check now. */
export function runSlipCheckFromMenu(): void {
  checkSlipsFromMenu();
}

/** Menu: Verify scorecard record. */
export function verifyScorecardFromMenu(): void {
  verifyRecordFromMenu();
}

/** Menu: Sign the 60-day plan (a new version asks why; the same plan again records nothing). */
export function signPlan(): void {
  signPlanFromMenu();
}

/** Menu: Schedule weekly snapshot and email. */
export function installSchedule(): void {
  scheduleFromMenu();
}

/** Menu: Stop the schedule. */
export function removeSchedule(): void {
  unscheduleFromMenu();
}

/** Menu: Settings help. Each setting, its value now, whether it is valid and what is expected. */
export function showSettingsHelp(): void {
  settingsHelpDialog();
}

// ---------------------------------------------------------------- post-mortem (issue 13 §3)

/** Menu: Draft the post-mortem, for the latest quarter that closed below its commit, in the next free column of the Post-Mortem tab. */
export function draftPostMortem(): void {
  draftFromMenu();
}

/** Menu: Email me the draft. The latest draft on the Post-Mortem tab, as a PDF, to the person running it. */
export function emailPostMortemDraft(): void {
  emailFromMenu();
}

// ---------------------------------------------------------------- the weekly record

/**
 * Snapshots this week and emails the CFO (sidebar button). Before the week's
 * scheduled time only with the fingerprint of the preview confirmed; else
 * writes nothing and returns {status: 'confirm', preview, message}.
 * @param {Object} [confirmation] {fingerprint} of the preview confirmed
 * @return {Object} the outcome, no Date inside
 */
export function snapshotWeek(confirmation?: {fingerprint: string}) {
  return takeSnapshot(confirmation);
}

/**
 * What Snapshot this week now would record and email, and whether it needs a confirmation. Writes nothing.
 * @return {Object} the preview, no Date inside
 */
export function previewSnapshot() {
  return previewWeekSnapshot();
}

/**
 * Sidebar: this week's Scorecard rows, when and by whom, and each one's email (ISO instants).
 * @return {Object} the week's record status
 */
export function weekRecordStatus() {
  return readWeekRecordStatus();
}

/**
 * Runs the Monday slip check now.
 * @return {Object} counts and a message
 */
export function runSlipCheck() {
  return checkSlips();
}

/**
 * Recomputes the Scorecard's hash chain; names the first changed row.
 * @return {Object} the verdict
 */
export function verifyScorecard() {
  return verifyRecord();
}

/**
 * Daily trigger: snapshot on the Scorecard Day (or the day after, if it was
 * missed), slip check on Mondays; a failure is emailed to its installer and the CRO.
 * @param {Object} e the time-driven event
 * @return {Object} what ran
 */
export function onScheduleTick(e?: GoogleAppsScript.Events.TimeDriven) {
  return tick(e);
}

// ---------------------------------------------------------------- sidebar

/** Sidebar: everything it shows, in one call (dates as ISO strings). */
export function loadSidebar(): SidebarData {
  return loadSidebarData();
}

/** Sidebar: saves this week's grades, one Grades row per commitment (README: The CRO's sidebar). */
export function saveGrades(payload: SaveGradesInput): WriteResult<SavedGrades> {
  return saveWeekGrades(payload);
}

/** Sidebar: logs a manual slip signal on an open deal. */
export function logSignal(payload: LogSignalInput): WriteResult<SavedSignals> {
  return logSlipSignal(payload);
}

/** Sidebar: assigns a save-play (action and owner) to a signal. */
export function assignSavePlay(
  payload: AssignSavePlayInput,
): WriteResult<SavedSignals> {
  return assignSignalSavePlay(payload);
}

/** Sidebar: marks a signal's save-play executed, with the date and outcome. */
export function executeSavePlay(
  payload: ExecuteSavePlayInput,
): WriteResult<SavedSignals> {
  return executeSignalSavePlay(payload);
}

/** Sidebar: withdraws a mistaken signal (whoever logged it, the same week, before its save-play is executed). */
export function withdrawSignal(
  payload: WithdrawSignalInput,
): WriteResult<SavedSignals> {
  return withdrawSlipSignal(payload);
}

/** Sidebar: records this week's scorecard attendance (invited and attended) in the Attendance tab. */
export function recordAttendance(
  payload: RecordAttendanceInput,
): WriteResult<SavedAttendance> {
  return recordWeekAttendance(payload);
}

/** Sidebar: saves this week's wrong-call sentences and recommit update in the CRO Words tab (README: The CRO's sidebar). */
export function saveWords(payload: SaveWordsInput): WriteResult<SavedWords> {
  return saveWeekWords(payload);
}

// ---------------------------------------------------------------- custom functions

/**
 * Forecast variance: |closed − committed| ÷ committed, per cell or per row.
 * @param {number|number[][]} committed committed at the start of the week
 * @param {number|number[][]} closed closed by Friday
 * @return {number|number[][]} the variance (format as %)
 * @customfunction
 */
export function FORECAST_VARIANCE(committed: unknown, closed: unknown) {
  return forecastVariance(committed, closed);
}

/**
 * Forecast bias: (closed − committed) ÷ committed; negative = over-forecast.
 * @param {number|number[][]} committed committed at the start of the week
 * @param {number|number[][]} closed closed by Friday
 * @return {number|number[][]} the signed bias (format as %)
 * @customfunction
 */
export function FORECAST_BIAS(committed: unknown, closed: unknown) {
  return forecastBias(committed, closed);
}

/**
 * Variance target in force at a week: 12% by week 2, 8% by week 6, 5% by week 12.
 * @param {number|number[][]} week week of the rebuild (1 = first)
 * @param {string|number[][]} [milestones] e.g. "2:12%, 6:8%, 12:5%", or a week/target range
 * @return {number|number[][]} the target (format as %)
 * @customfunction
 */
export function RECOVERY_TARGET(week: unknown, milestones?: unknown) {
  return recoveryTarget(week, milestones);
}

/**
 * Gate-compliance target in force at a week: 95% by week 4, 100% by week 8.
 * @param {number|number[][]} week week of the rebuild (1 = first)
 * @param {string|number[][]} [milestones] e.g. "4:95%, 8:100%", or a week/target range
 * @return {number|number[][]} the target (format as %)
 * @customfunction
 */
export function GATE_TARGET(week: unknown, milestones?: unknown) {
  return gateTarget(week, milestones);
}

/**
 * ON TARGET when the variance is at or below the target in force, else OFF TARGET.
 * @param {number|number[][]} variance the week's forecast variance
 * @param {number|number[][]} week week of the rebuild
 * @param {string|number[][]} [milestones] variance milestones
 * @return {string|string[][]} ON TARGET or OFF TARGET
 * @customfunction
 */
export function VARIANCE_STATUS(
  variance: unknown,
  week: unknown,
  milestones?: unknown,
) {
  return varianceStatus(variance, week, milestones);
}

/**
 * ON TARGET when gate compliance is at or above the target in force, else OFF TARGET.
 * @param {number|number[][]} compliance the week's gate compliance
 * @param {number|number[][]} week week of the rebuild
 * @param {string|number[][]} [milestones] gate milestones
 * @return {string|string[][]} ON TARGET or OFF TARGET
 * @customfunction
 */
export function GATE_STATUS(
  compliance: unknown,
  week: unknown,
  milestones?: unknown,
) {
  return gateStatus(compliance, week, milestones);
}

/**
 * Week of the rebuild a date falls in (Monday–Sunday weeks; 1 = the week of Rebuild Start).
 * @param {Date|Date[][]} date a date or a column of dates
 * @param {Date} rebuild_start the Monday of week 1
 * @return {number|number[][]} the week; 0 or less before the rebuild
 * @customfunction
 */
export function REBUILD_WEEK(date: unknown, rebuild_start: unknown) {
  return rebuildWeekOf(date, rebuild_start, activeSheetClock());
}

/**
 * Qualification gate per deal: PASS, or FAIL: and what is missing.
 * @param {string[][]} deals the Deals table with its header row, e.g. Deals!A1:AD
 * @param {Date} [as_of] day of evaluation (today)
 * @param {number} [eb_days] days an EB confirmation stays valid (14)
 * @return {string[][]} "Gate", then one verdict per row; blank for closed deals
 * @customfunction
 */
export function GATE_CHECK(deals: unknown, as_of?: unknown, eb_days?: unknown) {
  return gateCheck(deals, as_of, eb_days, activeSheetClock());
}

/**
 * Share of Commit deals that pass the qualification gate.
 * @param {string[][]} deals the Deals table with its header row
 * @param {Date} [as_of] day of evaluation (today)
 * @param {number} [eb_days] days an EB confirmation stays valid (14)
 * @return {number} the compliance (format as %); blank without Commit deals
 * @customfunction
 */
export function GATE_COMPLIANCE(
  deals: unknown,
  as_of?: unknown,
  eb_days?: unknown,
) {
  return gateCompliance(deals, as_of, eb_days, activeSheetClock());
}

/**
 * Slip signals firing per open deal, comma-separated.
 * @param {string[][]} deals the Deals table with its header row, e.g. Deals!A1:AD
 * @param {Date} [as_of] moment of evaluation (now)
 * @return {string[][]} "Slip Signals", then one list per row; blank when none
 * @customfunction
 */
export function SLIP_SIGNALS(deals: unknown, as_of?: unknown) {
  return slipSignals(deals, as_of, activeSheetClock());
}

/**
 * Slip-signal density: signals firing across Commit deals.
 * @param {string[][]} deals the Deals table with its header row
 * @param {Date} [as_of] moment of evaluation (now)
 * @return {number} the number of signals
 * @customfunction
 */
export function SIGNAL_DENSITY(deals: unknown, as_of?: unknown) {
  return signalDensity(deals, as_of, activeSheetClock());
}

/**
 * Commit deals with two or more slip signals (flagged for a save-play).
 * @param {string[][]} deals the Deals table with its header row
 * @param {Date} [as_of] moment of evaluation (now)
 * @return {number} the number of flagged deals
 * @customfunction
 */
export function FLAGGED_DEALS(deals: unknown, as_of?: unknown) {
  return flaggedDeals(deals, as_of, activeSheetClock());
}

/**
 * Save-play execution rate: save-plays executed ÷ signals fired.
 * @param {number|number[][]} signals_fired signals fired
 * @param {number|number[][]} save_plays_executed save-plays executed
 * @return {number|number[][]} the rate (format as %); blank when none fired
 * @customfunction
 */
export function SAVE_PLAY_RATE(
  signals_fired: unknown,
  save_plays_executed: unknown,
) {
  return savePlayRate(signals_fired, save_plays_executed);
}

/**
 * OPERATIONAL at or above the save-play threshold, DECORATIVE below.
 * @param {number|number[][]} rate the save-play rate
 * @param {number} [threshold] the threshold (80%)
 * @return {string|string[][]} OPERATIONAL or DECORATIVE
 * @customfunction
 */
export function SAVE_PLAY_STATUS(rate: unknown, threshold?: unknown) {
  return savePlayStatus(rate, threshold);
}

/**
 * Scorecard attendance: attended ÷ invited.
 * @param {number|number[][]} attended people who attended
 * @param {number|number[][]} invited people invited
 * @return {number|number[][]} the rate (format as %); blank when nobody was invited
 * @customfunction
 */
export function ATTENDANCE_RATE(attended: unknown, invited: unknown) {
  return attendanceRate(attended, invited);
}

/**
 * DISENGAGING below the low line, ENGAGED above the high line, else STEADY.
 * @param {number|number[][]} rate the attendance rate
 * @param {number} [low] the low line (80%)
 * @param {number} [high] the high line (90%)
 * @return {string|string[][]} DISENGAGING, STEADY or ENGAGED
 * @customfunction
 */
export function ATTENDANCE_STATUS(
  rate: unknown,
  low?: unknown,
  high?: unknown,
) {
  return attendanceStatus(rate, low, high);
}

/**
 * BEAT (≥ plan), SOFT MISS (below plan, ≥ prior period) or HARD MISS (below prior period).
 * @param {number|number[][]} bookings the period's bookings
 * @param {number|number[][]} prior_bookings the prior period's bookings
 * @param {number|number[][]} plan the period's plan
 * @return {string|string[][]} BEAT, SOFT MISS or HARD MISS
 * @customfunction
 */
export function MISS_TYPE(
  bookings: unknown,
  prior_bookings: unknown,
  plan: unknown,
) {
  return missTypeOf(bookings, prior_bookings, plan);
}

/**
 * The post-mortem's first sentence: the number and the delta against the commit.
 * @param {number|number[][]} actual what the period closed at
 * @param {number|number[][]} commit what was committed
 * @param {string|string[][]} [period] e.g. "Q3" ("the quarter")
 * @return {string|string[][]} "We finished Q3 at $14.2M against a commit of $18.5M. …"
 * @customfunction
 */
export function MISS_HEADLINE(
  actual: unknown,
  commit: unknown,
  period?: unknown,
) {
  return missHeadlineOf(actual, commit, period);
}

/**
 * Black-swan split of a miss into operational and non-controllable parts.
 * @param {number|number[][]} actual what the period closed at
 * @param {number|number[][]} commit what was committed
 * @param {number|number[][]} non_controllable the miss with a named non-controllable cause
 * @return {number[][]} per row: operational miss, non-controllable miss
 * @customfunction
 */
export function MISS_SPLIT(
  actual: unknown,
  commit: unknown,
  non_controllable: unknown,
) {
  return missSplitOf(actual, commit, non_controllable);
}

/**
 * Consecutive most recent periods in which actual ≥ commit (periods oldest first).
 * @param {number[][]} commits each period's commit
 * @param {number[][]} actuals each period's actual
 * @return {number} the streak
 * @customfunction
 */
export function TRUST_STREAK(commits: unknown, actuals: unknown) {
  return trustStreakOf(commits, actuals);
}

// ---------------------------------------------------------------- leading indicators and the miss pattern (issue 14)

/**
 * Leading indicators per complete Monday–Sunday week, oldest first, and which turned.
 * @param {string[][]} leads the Leads table, e.g. Leads!A1:G
 * @param {string[][]} [deals] the Deals table
 * @param {number} [weeks] weeks shown (12)
 * @param {Date} [as_of] day of evaluation (today)
 * @return {Array<Array<string|number>>} a header row, then one row per week
 * @customfunction
 */
export function LEADING_INDICATORS(
  leads: unknown,
  deals?: unknown,
  weeks?: unknown,
  as_of?: unknown,
) {
  return leadingIndicatorsOf(leads, deals, weeks, as_of, activeSheetClock());
}

/**
 * One sentence per leading indicator whose last 4 weeks differ from the 8 before by 20% or more.
 * @param {string[][]} leads the Leads table, e.g. Leads!A1:G
 * @param {string[][]} [deals] the Deals table
 * @param {Date} [as_of] day of evaluation (today)
 * @return {string[][]} one sentence per row; blank when none
 * @customfunction
 */
export function EARLY_WARNING(
  leads: unknown,
  deals?: unknown,
  as_of?: unknown,
) {
  return earlyWarningOf(leads, deals, as_of, activeSheetClock());
}

/**
 * Miss pattern per period, oldest first: BEAT, SOFT MISS (— FREQUENT), HARD MISS (— REPEATED); the first is BEAT or MISS.
 * @param {number[][]} bookings each period's bookings
 * @param {number[][]} plan each period's plan
 * @return {string[][]} one result per period
 * @customfunction
 */
export function MISS_PATTERN(bookings: unknown, plan: unknown) {
  return missPatternOf(bookings, plan);
}

// ---------------------------------------------------------------- the quarter (issue 13)

/**
 * Amount over Commit deals that pass the gate with under two slip signals.
 * @param {string[][]} deals the Deals table
 * @param {Date} [as_of] when (now)
 * @param {number} [eb_days] EB confirmation days (14)
 * @return {number} the defensible commit
 * @customfunction
 */
export function DEFENSIBLE_COMMIT(
  deals: unknown,
  as_of?: unknown,
  eb_days?: unknown,
) {
  return defensibleCommit(deals, as_of, eb_days, activeSheetClock());
}

/**
 * Per Commit or Best Case deal: in the defensible commit, why not, upside.
 * @param {string[][]} deals the Deals table
 * @param {Date} [as_of] when (now)
 * @param {number} [eb_days] EB confirmation days (14)
 * @return {string[][]} a header row, then one row per deal
 * @customfunction
 */
export function COMMIT_BREAKDOWN(
  deals: unknown,
  as_of?: unknown,
  eb_days?: unknown,
) {
  return commitBreakdown(deals, as_of, eb_days, activeSheetClock());
}

/**
 * Re-inflation guard, per period.
 * @param {number[][]} commits each period's commit, oldest first
 * @param {number[][]} actuals each period's actual
 * @return {string[][]} OK or AGGRESSIVE TOO SOON
 * @customfunction
 */
export function REINFLATION_CHECK(commits: unknown, actuals: unknown) {
  return reinflationCheck(commits, actuals);
}

/**
 * Options ranked: highest impact first, then lowest effort.
 * @param {string[][]} options the Options table
 * @return {string[][]} the options, ranked
 * @customfunction
 */
export function OPTIONS_RANK(options: unknown) {
  return optionsRank(options);
}
