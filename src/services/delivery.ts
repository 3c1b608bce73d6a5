/**
 * Delivering Scorecard rows to the CFO. The row is already written and
 * locked when this runs, so a failed email loses nothing. Each send is
 * claimed in the Delivery Log under the document lock (a `sending` line,
 * keyed by the row's chain value), made outside it, and its outcome appended
 * under the lock again: a second run sees the claim and leaves the row
 * alone, and the lock is never held through a send that takes seconds (the
 * CRO's saves wait at most 30 s for it). A failed row is retried by each
 * scheduled run (at most once a day) for 7 days, then given up, with the CRO
 * told; corrections after a week's email go out once a day as one summary.
 */
import {
  cfoEmailView,
  subjectLine,
  type CfoEmailInput,
  type TrendPoint,
} from '../domain/cfo-email';
import {toNumber, wholeSeconds} from '../domain/cells';
import {audienceOf, isMonthly} from '../domain/audiences';
import {expandedSection} from './audiences/expanded';
import {
  deliveryLine,
  deliveryOf,
  dueDeliveries,
  GIVE_UP_DAYS,
  type DueDelivery,
  type RecordedRow,
} from '../domain/delivery-log';
import {describeChanges, recordFromValues} from '../domain/scorecard';
import {statusThresholds} from '../domain/status';
import type {Settings} from '../domain/settings';
import type {WeekRecord} from '../domain/scorecard-record';
import {sentence} from '../domain/words';
import {DELIVERY_LOG, SCORECARD} from '../domain/workbook';
import type {ZoneClock} from './clock';
import {pdf, render, sendNote} from './templates';
import {LOCK_WAIT_MS, withDocumentLock} from './lock';
import {
  readScorecard,
  type ScorecardState,
  type StoredWeek,
} from './scorecard-store';
import {
  appendRows,
  appendToTable,
  findTab,
  readTable,
  type Table,
} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What sending needs besides the row: where, to whom, and what is wrong with the CFO Email, if anything. */
export interface Sender {
  spreadsheet: Spreadsheet;
  settings: Settings;
  /** The CFO Email setting's problem in words ('' when it is a valid list of addresses). */
  cfoEmailProblem: string;
  clock: ZoneClock;
}

/** A send claimed in the log: the week's row to send, and (corrections) the row the CFO last had. */
export interface Claim {
  due: DueDelivery;
  row: StoredWeek;
  lastSent?: StoredWeek;
}

export interface DeliveryOutcome {
  scorecardRow: number;
  status: 'sent' | 'failed';
  detail: string;
  /** Set when this failure ended the retries: what the give-up line says. */
  gaveUp?: string;
}

export const recordedRow = (r: StoredWeek): RecordedRow => ({
  rowNumber: r.rowNumber,
  weekEndingCell: r.values['Week Ending'],
  weekEnding: r.weekEnding,
  chain: r.chain,
});

const recordOf = (row: StoredWeek): WeekRecord =>
  recordFromValues(row.weekEnding as string, row.values);

/** The Delivery Log, read under the caller's lock. */
export function readDeliveryLog(
  spreadsheet: Spreadsheet,
  sheet?: Sheet,
): Table {
  return readTable(spreadsheet, DELIVERY_LOG, {
    required: ['Scorecard Row', 'Status'],
    sheet,
  });
}

/** One log line about a row (a partner scorecard's has none); Chain only where the log has the column (set-up adds it). */
export function line(
  log: Table,
  at: Date,
  row: Pick<StoredWeek, 'chain'> & Partial<StoredWeek>,
  fields: {Recipients: string; Status: string; Detail: string},
): Record<string, unknown> {
  return {
    'Attempted At': wholeSeconds(at),
    'Scorecard Row': row.rowNumber,
    'Week Ending': row.values?.['Week Ending'],
    ...fields,
    ...(log.columns['Chain'] >= 0 ? {Chain: row.chain} : {}),
  };
}

/**
 * Under the document lock: the sends due now (those `wanted` keeps), each
 * claimed with a `sending` line so that no other run sends it.
 */
export function claimDeliveries(
  log: Table,
  scorecard: ScorecardState,
  sender: Sender,
  now: Date,
  /** A snapshot's row: only its week is claimed. */
  recording?: string,
): Claim[] {
  const byChain = new Map(scorecard.rows.map(r => [r.chain, r]));
  const due = dueDeliveries(
    log.rows.map(r => deliveryLine(r.record)),
    scorecard.rows.map(recordedRow),
    {now, localDate: d => sender.clock.localDate(d), recording},
  ).filter(d => !recording || d.row.chain === recording);
  const claims = due.map(d => ({
    due: d,
    row: byChain.get(d.row.chain)!,
    lastSent: d.lastSent && byChain.get(d.lastSent.chain),
  }));
  appendToTable(
    log,
    claims.map(c =>
      line(log, now, c.row, {
        Recipients: audienceOf(sender.settings, c.due.weekEnding).join(', '),
        Status: 'sending',
        Detail:
          c.due.kind === 'week'
            ? 'claimed: the week'
            : 'claimed: the corrections since the last email',
      }),
    ),
  );
  return claims;
}

/** Why the CFO cannot be emailed now (its words in a template, read only when said). */
const refuse = (vars: object) => {
  throw new Error(render('cfo-email-problem', vars).trim());
};

function recipientsOf(
  {cfoEmailProblem: problem, settings}: Sender,
  recipients: string[],
): string[] {
  if (problem || !settings.cfoEmails.length) refuse({problem, quota: -1});
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < recipients.length) refuse({quota, needed: recipients.length});
  return recipients;
}

/** What the CFO email of a row is built from (the confirmation's preview builds the same). */
export function emailInput(
  {
    spreadsheet,
    settings,
    clock,
  }: Pick<Sender, 'spreadsheet' | 'settings' | 'clock'>,
  row: Pick<
    CfoEmailInput,
    'record' | 'trend' | 'chain' | 'scorecardRow' | 'corrections'
  >,
): CfoEmailInput {
  return {
    ...row,
    thresholds: statusThresholds(settings),
    spreadsheetUrl: spreadsheet.getUrl(),
    spreadsheetName: spreadsheet.getName(),
    weekEndingLabel: clock.label(row.record.weekEnding),
  };
}

function send(
  sender: Sender,
  claim: Claim,
  trend: (record: WeekRecord) => TrendPoint[],
): string {
  const {settings} = sender;
  const record = recordOf(claim.row);
  const corrections =
    claim.lastSent &&
    describeChanges(recordOf(claim.lastSent), record, settings.currency);
  // Corrections that undid each other: the CFO already has what is recorded.
  if (corrections?.length === 0)
    return `no email needed: nothing differs from row ${claim.lastSent!.rowNumber}, the last emailed`;
  const recipients = recipientsOf(
    sender,
    audienceOf(settings, record.weekEnding),
  );
  const input = emailInput(sender, {
    record,
    trend: trend(record),
    chain: claim.row.chain,
    scorecardRow: claim.row.rowNumber,
    corrections,
  });
  const view = cfoEmailView(input);
  // The month's first Scorecard Day: the CEO's expanded section, in the same email.
  if (isMonthly(record.weekEnding, settings))
    view.expanded = expandedSection(sender, record);
  const handout = pdf(
    'cfo-email',
    {view, print: true},
    `Rebuild scorecard week ${record.week} (${record.weekEnding}).pdf`,
  );
  MailApp.sendEmail({
    to: recipients.join(','),
    subject: subjectLine(input),
    body: render('cfo-email-text', {view, print: false}),
    htmlBody: render('cfo-email', {view, print: false}),
    attachments: [handout],
    name: 'Trust Rebuild scorecard',
    // Replies go to the CRO; the key is left out rather than sent as undefined.
    ...(settings.croEmail ? {replyTo: settings.croEmail} : {}),
  });
  const what = claim.lastSent
    ? `the corrections since row ${claim.lastSent.rowNumber}`
    : 'the week';
  return `${what} sent to ${recipients.join(', ')}`;
}

/**
 * The retries are over: the CRO hears of it (or the log says why not; the
 * words in the gave-up templates, for a week to the CFO or, with `partner`,
 * a partner's scorecard). Never throws.
 */
export function giveUp(
  sender: Sender,
  subject: string,
  vars: {failure: string; partner?: string; [say: string]: unknown},
): string {
  const {spreadsheet, settings} = sender;
  const cro = settings.croEmail;
  const said = (told?: unknown) =>
    render('gave-up-line', {
      partner: '',
      ...vars,
      failure: sentence(vars.failure),
      days: GIVE_UP_DAYS,
      cro,
      told,
    }).trim();
  if (!cro) return said();
  try {
    sendNote([cro], `Trust Rebuild: ${subject}`, 'gave-up', {
      said: said(),
      partner: vars.partner ?? '',
      name: spreadsheet.getName(),
      url: spreadsheet.getUrl(),
    });
    return said(1);
  } catch (err) {
    return said(sentence((err as Error).message));
  }
}

/**
 * Outside the lock: makes each claimed send, then appends the outcomes (and
 * any give-up) to the log under the lock. Never throws for a failed send:
 * the failure is the record.
 */
export function sendClaimed(
  sender: Sender,
  log: Table,
  claims: readonly Claim[],
  trend: (record: WeekRecord) => TrendPoint[],
): DeliveryOutcome[] {
  if (claims.length === 0) return [];
  // Re-read outside the lock: a person's snapshot (document lock) and the
  // schedule (script lock) do not exclude each other, so both may have claimed
  // one week; the claim earlier in the log sends, the later one does not.
  const now = readDeliveryLog(sender.spreadsheet, log.sheet).rows.map(r =>
    deliveryLine(r.record),
  );
  const rivalled = ({chain, values}: StoredWeek) => {
    // The lines before this run's own claim of the row.
    const mine = now
      .map(l => l.chain === chain && l.status === 'sending')
      .lastIndexOf(true);
    const before = now.slice(0, mine);
    return before.some(
      l =>
        l.weekEnding?.getTime() === (values['Week Ending'] as Date).getTime() &&
        (d => d.sending || d.sentAt)(deliveryOf(before, l.chain)),
    );
  };
  const lines: Record<string, unknown>[] = [];
  const outcomes = claims.map((claim): DeliveryOutcome => {
    const outcome: DeliveryOutcome = {
      scorecardRow: claim.row.rowNumber,
      status: 'sent',
      detail: '',
    };
    try {
      if (claim.due.kind === 'week' && rivalled(claim.row))
        throw new Error('not sent: another run is sending this week');
      outcome.detail = send(sender, claim, trend);
    } catch (err) {
      outcome.status = 'failed';
      outcome.detail = (err as Error).message;
    }
    const at = new Date();
    lines.push(
      line(log, at, claim.row, {
        Recipients: audienceOf(sender.settings, claim.due.weekEnding).join(
          ', ',
        ),
        Status: outcome.status,
        Detail: outcome.detail,
      }),
    );
    if (outcome.status === 'failed' && claim.due.giveUpIfFails) {
      const {week} = recordOf(claim.row);
      outcome.gaveUp = giveUp(
        sender,
        `week ${week}'s scorecard did not reach the CFO`,
        {
          week,
          row: claim.row.rowNumber,
          since: claim.due.since,
          failure: outcome.detail,
        },
      );
      lines.push(
        line(log, at, claim.row, {
          Recipients: sender.settings.croEmail,
          Status: 'gave up',
          Detail: outcome.gaveUp,
        }),
      );
    }
    return outcome;
  });
  // After a send, a busy lock must not make the person see an error: wait
  // longer, and if even that fails the claim stays open (never resent).
  try {
    withDocumentLock(() => appendToTable(log, lines), 4 * LOCK_WAIT_MS);
  } catch {
    /* the claim without outcome is the record */
  }
  return outcomes;
}

/** The variance trend as recorded: each week's latest row up to `week`. */
function recordedTrend(state: ScorecardState, week: number): TrendPoint[] {
  const byWeek = new Map<number, TrendPoint>();
  for (const r of state.rows) {
    const w = toNumber(r.values['Week']);
    if (w === undefined || w < 1 || w > week) continue;
    const n = (v: unknown) => (typeof v === 'number' ? v : ('' as const));
    byWeek.set(w, {
      week: w,
      variance: n(r.values['Forecast Variance']),
      target: n(r.values['Variance Target']),
    });
  }
  return [...byWeek.values()].sort((a, b) => a.week - b.week);
}

/** The outcomes in words, for the run's summary. */
export function deliveryWords(outcomes: readonly DeliveryOutcome[]): string {
  return outcomes
    .map(e =>
      e.status === 'sent'
        ? ` Row ${e.scorecardRow} emailed (${e.detail}).`
        : ` Email for row ${e.scorecardRow} failed (logged in the Delivery Log): ${sentence(e.detail)}${e.gaveUp ? ' Retries given up; see the Delivery Log.' : ''}`,
    )
    .join('');
}

/**
 * The scheduled run's delivery: every week whose email failed (retried at
 * most once a day, given up after 7 days) or that was corrected since its
 * email (one summary a day). One sentence, or '' when nothing was owed.
 */
export function deliverDue(sender: Sender, now: Date): string {
  const {spreadsheet} = sender;
  const scorecardSheet = findTab(spreadsheet, SCORECARD.name);
  const logSheet = findTab(spreadsheet, DELIVERY_LOG.name);
  // No record yet (or a tab set-up has still to restore): nothing can be owed.
  if (!scorecardSheet || !logSheet) return '';
  const claimed = withDocumentLock(() => {
    const state = readScorecard(
      spreadsheet,
      d => sender.clock.localDate(d),
      scorecardSheet,
    );
    const log = readDeliveryLog(spreadsheet, logSheet);
    return {state, log, claims: claimDeliveries(log, state, sender, now)};
  });
  if (claimed.claims.length === 0) return '';
  const outcomes = sendClaimed(sender, claimed.log, claimed.claims, record =>
    recordedTrend(claimed.state, Number(record.week)),
  );
  return `Delivery:${deliveryWords(outcomes)}`;
}

/** A scheduled run that failed says why where the owner will look: the Delivery Log. */
export function logRunFailure(
  spreadsheet: Spreadsheet,
  at: Date,
  message: string,
): void {
  appendRows(spreadsheet, DELIVERY_LOG, [
    {'Attempted At': at, Status: 'run failed', Detail: message},
  ]);
}
