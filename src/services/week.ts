/**
 * This week's record read from the workbook: the one computation behind the
 * snapshot, the CFO email and the sidebar's Scorecard view, so they always
 * agree with each other and with the custom functions. Reads each source tab
 * once, whatever its size.
 */
import {
  mondayOf,
  addDays,
  rebuildWeek,
  weekEndingOf,
  type LocalDate,
} from '../domain/calendar';
import {isBlank, isDate, show, toNumber, toText} from '../domain/cells';
import {isActive} from '../domain/sidebar/views';
import {InputError} from '../domain/input-error';
import {readAmount} from '../domain/money';
import {targetAt} from '../domain/milestones';
import {COMPLIANCE_HEADERS, complianceOf} from '../formulas/gate';
import {readDealTable} from '../formulas/deal-table';
import {
  computeWeekRecord,
  varianceOf,
  type AttendanceRow,
  type CommitmentRow,
  type ForecastWeek,
  type GradeRow,
  type SignalRow,
} from '../domain/scorecard';
import type {WeekRecord} from '../domain/scorecard-record';
import type {TrendPoint} from '../domain/cfo-email';
import type {Settings} from '../domain/settings';
import {
  ATTENDANCE,
  COMMITMENTS,
  DEALS,
  FORECAST,
  GRADES,
  GRADES_TAB,
  SIGNALS_TAB,
  type Grade,
  type TabSpec,
} from '../domain/workbook';
import {localDates, zoneClock, type ZoneClock} from './clock';
import {planForWeek} from './plan/read';
import {readWeekly} from './weekly/weekly';
import {
  headerNames,
  readingTable,
  tableReader,
  type TableReader,
} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface WeekContext {
  clock: ZoneClock;
  weekEnding: LocalDate;
  /** Week of the rebuild; 0 when Rebuild Start is not set. */
  week: number;
}

/** The week `asOf` falls in (by default the week of `now`). */
export function weekContext(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: Date,
  asOf: Date = now,
  timeZone = spreadsheet.getSpreadsheetTimeZone(),
): WeekContext {
  const clock = zoneClock(timeZone, now);
  const today = clock.localDate(asOf);
  const weekEnding = weekEndingOf(today, settings.scorecardDay);
  const week =
    settings.rebuildStart === ''
      ? 0
      : rebuildWeek(weekEnding, settings.rebuildStart);
  return {clock, weekEnding, week};
}

const numberOr = (v: unknown): number | '' => toNumber(v) ?? '';

const GRADE_OF = new Map(GRADES.map(g => [g.toLowerCase(), g]));

/** The weeks of the rebuild so far with their variance and the target in force then. */
export function varianceTrend(
  forecast: readonly ForecastWeek[],
  settings: Settings,
  upToWeek: number,
): TrendPoint[] {
  return forecast
    .filter(
      f => typeof f.week === 'number' && f.week >= 1 && f.week <= upToWeek,
    )
    .map(f => ({
      week: f.week as number,
      variance: varianceOf(f.committed, f.closed),
      target: targetAt(settings.varianceMilestones, f.week as number),
    }))
    .sort((a, b) => a.week - b.week);
}

/** This week's record and the variance trend of the rebuild up to it. */
export function readWeek(
  spreadsheet: Spreadsheet,
  settings: Settings,
  context: WeekContext,
  read: TableReader = tableReader(spreadsheet),
  /** Set by the sidebar: a Deals tab that cannot be read leaves gate compliance blank and says why, rather than failing. */
  options: {lenient?: boolean} = {},
): {record: WeekRecord; trend: TrendPoint[]; dealsProblem: string} {
  const local = localDates(context.clock);
  // Each tab whole: a column read as blank would change the record without a
  // word (a retired commitment graded again, a withdrawn signal counted).
  const rows = (tab: TabSpec) => read(tab, headerNames(tab)).rows;

  // Amounts typed as text are read the spreadsheet locale's way. One that
  // reads two ways is refused, naming the cell, when it is this week's row;
  // elsewhere it is left blank, as any non-number is, so an old row cannot block the week.
  const forecast = readingTable(FORECAST, () =>
    rows(FORECAST).map(({record: r, rowNumber}): ForecastWeek => {
      const week = numberOr(r['Week']);
      const weekEnding = local(r['Week Ending']);
      const thisWeek =
        weekEnding === context.weekEnding ||
        (weekEnding === '' && week === context.week);
      const amount = (header: string): number | '' => {
        const reading = readAmount(r[header], settings.currency);
        if (reading.ok) return reading.value;
        if (!thisWeek) return '';
        throw new InputError(
          `${header} is ${show(r[header])}, ${reading.why}`,
          rowNumber,
        );
      };
      return {
        week,
        weekEnding,
        committed: amount('Committed'),
        closed: amount('Closed'),
      };
    }),
  );
  const commitments: CommitmentRow[] = rows(COMMITMENTS).map(({record: r}) => ({
    id: toText(r['Commitment ID']),
    commitment: toText(r['Commitment']),
    active: isActive(r['Active']),
  }));
  // Only this week's grades matter to the record.
  const grades: GradeRow[] = [];
  for (const {record: r} of rows(GRADES_TAB)) {
    const weekEnding = local(r['Week Ending']);
    const grade = GRADE_OF.get(toText(r['Grade']).toLowerCase());
    if (weekEnding !== context.weekEnding || !grade) continue;
    grades.push({
      weekEnding,
      commitmentId: toText(r['Commitment ID']),
      grade: grade as Grade,
      reason: toText(r['Reason']),
      nextAction: toText(r['Next Action']),
    });
  }
  // Signals count by the instant they were logged: three boundaries, whatever the tab holds.
  const monday = mondayOf(context.weekEnding);
  const prior = addDays(monday, -7);
  const [from, split, to] = [prior, monday, addDays(monday, 7)].map(d =>
    context.clock.midnight(d).getTime(),
  );
  const signals: SignalRow[] = [];
  for (const {record: r} of rows(SIGNALS_TAB)) {
    const at = r['Logged At'];
    const t = isDate(at) ? at.getTime() : NaN;
    // A withdrawn signal stays on the tab; no count includes it.
    if (!(t >= from && t < to) || !isBlank(r['Withdrawn At'])) continue;
    signals.push({
      loggedOn: t < split ? prior : monday,
      executed: !isBlank(r['Save Play Executed On']),
      assigned: !isBlank(r['Save Play']),
    });
  }
  const attendance: AttendanceRow[] = [];
  for (const {record: r} of rows(ATTENDANCE)) {
    const invited = toNumber(r['Invited']);
    const attended = toNumber(r['Attended']);
    const weekEnding = local(r['Week Ending']);
    if (weekEnding === '' || invited === undefined || attended === undefined)
      continue;
    attendance.push({weekEnding, invited, attended});
  }

  // The gate as GATE_COMPLIANCE computes it, on the same cells, as of the week ending; a refusal names the Deals tab.
  const {clock} = context;
  let compliance: number | '' = '';
  let dealsProblem = '';
  try {
    const deals = read(DEALS, COMPLIANCE_HEADERS).cells;
    compliance = readingTable(DEALS, () =>
      complianceOf(
        readDealTable(DEALS.name, deals, clock, COMPLIANCE_HEADERS),
        clock.wall(clock.midnight(context.weekEnding)),
        settings.ebConfirmationDays,
      ),
    );
  } catch (err) {
    if (!options.lenient) throw err;
    dealsProblem = (err as Error).message;
  }

  const week = Math.max(context.week, 1);
  const record = computeWeekRecord({
    weekEnding: context.weekEnding,
    week: context.week,
    forecast,
    commitments,
    grades,
    signals,
    attendance,
    gateCompliance: compliance,
    varianceTarget: targetAt(settings.varianceMilestones, week),
    gateTarget: targetAt(settings.gateMilestones, week),
  });
  // The signed 60-day plan (plan/read.ts): one lookup until it is signed.
  record.plan = planForWeek(spreadsheet, local, context.weekEnding);
  // weekly (issue 13): wrong calls, the CRO's words, the dual scorecard, the quarter's warning.
  try {
    Object.assign(
      record,
      readWeekly(spreadsheet, read, settings, clock, record),
    );
  } catch (err) {
    if (!options.lenient) throw err;
    dealsProblem = (err as Error).message;
  }
  return {
    record,
    trend: varianceTrend(forecast, settings, context.week),
    dealsProblem,
  };
}
