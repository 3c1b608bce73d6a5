/**
 * The CFO's weekly email and the one-page Friday handout, from a scorecard
 * row: the subject, and the view that two HtmlService templates render
 * (src/templates/cfo-email.html and cfo-email-text.html, so their markup and
 * wording stay out of Code.js). Leads with what is off target, then the numbers
 * against their targets, the variance trend against the glide path, each
 * commitment's grade, and the chain value that makes the row verifiable.
 */
import {plural} from './words';
import type {SignedPlan} from './plan/signed';
import {weeklyView} from './weekly/view';
import {formatMoney, usDollars} from './money';
import type {StatusThresholds, WeekRecord} from './scorecard-record';
import {
  formatPercent,
  varianceWords,
  weekStatuses,
  type NumberStatus,
  type Status,
} from './status';

export interface TrendPoint {
  week: number;
  variance: number | '';
  target: number | '';
}

export interface CfoEmailInput {
  record: WeekRecord;
  thresholds: StatusThresholds;
  /** Variance by week over the rebuild so far, this week included. */
  trend: TrendPoint[];
  chain: string;
  /** The Scorecard row this email reports (as the sheet numbers it). */
  scorecardRow: number;
  spreadsheetUrl: string;
  spreadsheetName: string;
  /** How the week ending reads to a person, e.g. "Fri 20 Nov 2026". */
  weekEndingLabel: string;
  /** A correction of a week already emailed: what changed since that email, in words. */
  corrections?: readonly string[];
}

interface Badge {
  bg: string;
  fg: string;
  label: string;
}

/** Everything the template shows, as plain text and numbers: the template escapes all of it. */
export interface CfoEmailView extends ReturnType<typeof weeklyView> {
  /** The monthly expanded section (issue 14 §4), set only on the month's first Scorecard Day. */
  expanded?: {html: string; text: string};
  title: string;
  money: string;
  offTarget: string[];
  /** Shown below the off-target list, under "Corrected since the last email". */
  corrections: string[];
  numbers: Array<{metric: string; says: string; target: string; badge: Badge}>;
  trend: Array<{
    week: number;
    width: number;
    mark: number;
    colour: string;
    variance: string;
    target: string;
  }>;
  counts: string;
  /** A row recorded before grades were kept as data: its grades text as written, shown as it is. */
  recordedGrades: string;
  /** The signed 60-day plan, during its 60 days (the templates show it). */
  plan?: SignedPlan;
  commitments: Array<{
    id: string;
    commitment: string;
    grade: string;
    badge: Badge;
    reason: string;
    nextAction: string;
  }>;
  spreadsheetName: string;
  spreadsheetUrl: string;
  scorecardRow: number;
  chain: string;
}

const COLOURS: Record<Status, {bg: string; fg: string; label: string}> = {
  green: {bg: '#e6f4ea', fg: '#137333', label: 'GREEN'},
  yellow: {bg: '#fef7e0', fg: '#b06000', label: 'YELLOW'},
  red: {bg: '#fce8e6', fg: '#c5221f', label: 'RED'},
  none: {bg: '#f1f3f4', fg: '#5f6368', label: '—'},
};

const GRADE_STATUS: Record<string, Status> = {
  Green: 'green',
  Yellow: 'yellow',
  Red: 'red',
};

export function subjectLine(input: CfoEmailInput): string {
  const {record} = input;
  const variance =
    record.variance === ''
      ? 'no forecast row'
      : `${varianceWords(record.committed, record.closed) || `variance ${formatPercent(record.variance)}`} against a ${formatPercent(record.varianceTarget)} target`;
  const onTarget =
    record.variance !== '' &&
    record.varianceTarget !== '' &&
    record.variance <= record.varianceTarget;
  const mark =
    record.variance === '' ? '' : onTarget ? ' (on target)' : ' (off target)';
  const amended = input.corrections ? 'Amended: ' : '';
  return `${amended}Rebuild scorecard, week ${record.week} ending ${input.weekEndingLabel}: ${variance}${mark}`;
}

function offTargetLines(
  statuses: NumberStatus[],
  record: WeekRecord,
): string[] {
  const lines = statuses
    .filter(s => s.status === 'red' || s.status === 'yellow')
    .map(s => `${s.metric}: ${s.says} (target ${s.target})`);
  for (const c of record.commitments) {
    if (c.grade === 'Red' || c.grade === 'Yellow') {
      lines.push(
        `Commitment "${c.commitment}" graded ${c.grade}: ${c.reason || 'no reason given'}`,
      );
    }
    if (c.grade === '')
      lines.push(`Commitment "${c.commitment}" was not graded this week`);
  }
  // An older row has only the counts as data: they say how many, the text below says which.
  const off = record.red + record.yellow;
  if (record.recordedGradesText !== undefined && off > 0)
    lines.push(
      `${plural(off, 'commitment')} graded Red or Yellow: see the grades as recorded below`,
    );
  return lines;
}

/** The view the HTML template renders; bars are in pixels of a 200 px track. */
export function cfoEmailView(input: CfoEmailInput): CfoEmailView {
  const {record} = input;
  const statuses = weekStatuses(record, input.thresholds);
  const max = Math.max(
    0.3,
    ...input.trend.map(p => (p.variance === '' ? 0 : p.variance)),
  );
  const px = (v: number) => Math.round((v / max) * 200);
  const money = (n: number | '') =>
    formatMoney(n, input.thresholds.money ?? usDollars());
  return {
    title: `Rebuild scorecard — week ${record.week}, ending ${input.weekEndingLabel}`,
    money: `${record.croName ? `CRO: ${record.croName}. ` : ''}Committed ${money(record.committed)} at the start of the week; closed ${money(record.closed)} by Friday.`,
    offTarget: offTargetLines(statuses, record),
    corrections: [...(input.corrections ?? [])],
    numbers: statuses.map(s => ({
      metric: s.metric,
      says: s.says,
      target: s.target,
      badge: COLOURS[s.status],
    })),
    trend: input.trend.map(p => ({
      week: p.week,
      width: p.variance === '' ? 0 : Math.max(2, px(p.variance)),
      mark: p.target === '' ? 0 : px(p.target),
      colour:
        p.variance === '' || p.target === ''
          ? '#9aa0a6'
          : p.variance <= p.target
            ? '#1e8e3e'
            : '#d93025',
      variance: formatPercent(p.variance),
      target: formatPercent(p.target),
    })),
    counts: `${record.green} green, ${record.yellow} yellow, ${record.red} red`,
    recordedGrades: record.recordedGradesText ?? '',
    plan: record.plan,
    commitments: record.commitments.map(c => ({
      id: c.id,
      commitment: c.commitment,
      grade: c.grade,
      badge: COLOURS[c.grade ? GRADE_STATUS[c.grade] : 'none'],
      reason: c.reason,
      nextAction: c.nextAction,
    })),
    spreadsheetName: input.spreadsheetName,
    spreadsheetUrl: input.spreadsheetUrl,
    scorecardRow: input.scorecardRow,
    chain: input.chain,
    ...weeklyView(record, input.thresholds.money ?? usDollars()),
  };
}
