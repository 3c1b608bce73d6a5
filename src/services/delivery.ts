/**
 * Delivering Scorecard rows to the CFO. The row is already written and
 * locked when this runs, so a failed email loses nothing: every attempt is
 * recorded in the Delivery Log; a row whose email failed is retried once by
 * the next run; a row that was sent is never sent again.
 */
import {
  cfoEmailView,
  subjectLine,
  type CfoEmailInput,
  type CfoEmailView,
  type TrendPoint,
} from '../domain/cfo-email';
import {toNumber, toText} from '../domain/cells';
import {statusThresholds} from '../domain/status';
import type {Settings} from '../domain/settings';
import type {WeekRecord} from '../domain/scorecard-record';
import {DELIVERY_LOG} from '../domain/workbook';
import type {ZoneClock} from './clock';
import {appendRows, appendToTable, readTable, type Table} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The first attempt and one retry. */
export const MAX_ATTEMPTS = 2;

export interface PendingEmail {
  scorecardRow: number;
  record: WeekRecord;
  chain: string;
  amendment?: {amendsRow: number; changes: string};
}

export interface DeliveryOutcome {
  scorecardRow: number;
  status: 'sent' | 'failed';
  detail: string;
}

interface LogState {
  sent: Set<number>;
  attempts: Map<number, number>;
  /** The log as read: the attempts are appended to it without reading it again. */
  table: Table;
}

function readLog(spreadsheet: Spreadsheet, sheet?: Sheet): LogState {
  const table = readTable(spreadsheet, DELIVERY_LOG, {
    required: ['Scorecard Row', 'Status'],
    sheet,
  });
  const sent = new Set<number>();
  const attempts = new Map<number, number>();
  for (const {record} of table.rows) {
    const row = toNumber(record['Scorecard Row']);
    if (row === undefined) continue;
    attempts.set(row, (attempts.get(row) ?? 0) + 1);
    if (toText(record['Status']) === 'sent') sent.add(row);
  }
  return {sent, attempts, table};
}

/**
 * A body from src/templates/: the HTML email or, for print, the PDF handout
 * (cfo-email.html escapes every value), or the plain-text body (cfo-email-text.html).
 */
function renderTemplate(
  file: string,
  view: CfoEmailView,
  print: boolean,
): string {
  const template = HtmlService.createTemplateFromFile(file);
  template.view = view;
  template.print = print;
  return template.evaluate().getContent();
}

function send(
  spreadsheet: Spreadsheet,
  settings: Settings,
  clock: ZoneClock,
  trend: TrendPoint[],
  pending: PendingEmail,
): string {
  const recipients = settings.cfoEmails;
  if (recipients.length === 0) {
    throw new Error(
      'Settings: "CFO Email" is empty; enter the CFO\'s email address in the Settings tab.',
    );
  }
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < recipients.length) {
    throw new Error(
      `Google's daily email quota is used up (${quota} left, ${recipients.length} needed); the next run retries.`,
    );
  }
  const input: CfoEmailInput = {
    record: pending.record,
    thresholds: statusThresholds(settings),
    trend,
    chain: pending.chain,
    scorecardRow: pending.scorecardRow,
    spreadsheetUrl: spreadsheet.getUrl(),
    spreadsheetName: spreadsheet.getName(),
    weekEndingLabel: clock.label(pending.record.weekEnding),
    amendment: pending.amendment,
  };
  const view = cfoEmailView(input);
  const pdf = Utilities.newBlob(
    renderTemplate('cfo-email', view, true),
    'text/html',
    'scorecard.html',
  )
    .getAs('application/pdf')
    .setName(
      `Rebuild scorecard week ${pending.record.week} (${pending.record.weekEnding}).pdf`,
    );
  MailApp.sendEmail({
    to: recipients.join(','),
    subject: subjectLine(input),
    body: renderTemplate('cfo-email-text', view, false),
    htmlBody: renderTemplate('cfo-email', view, false),
    attachments: [pdf],
    name: 'Trust Rebuild scorecard',
    // Replies go to the CRO; the key is left out rather than sent as undefined.
    ...(settings.croEmail ? {replyTo: settings.croEmail} : {}),
  });
  return `sent to ${recipients.join(', ')}`;
}

/**
 * Sends the email of a newly written row, and retries once each row whose
 * email failed before; records every attempt in one append to the Delivery
 * Log (read once). Never throws for a failed send: the failure is the record.
 */
export function deliver(
  spreadsheet: Spreadsheet,
  settings: Settings,
  clock: ZoneClock,
  trend: TrendPoint[],
  emailFor: (scorecardRow: number) => PendingEmail | undefined,
  newRow?: number,
  /** The Delivery Log tab, when the caller has just found it. */
  logSheet?: Sheet,
): DeliveryOutcome[] {
  const log = readLog(spreadsheet, logSheet);
  const due = [...log.attempts.keys()].filter(row => !log.sent.has(row));
  if (newRow !== undefined && !log.attempts.has(newRow)) due.push(newRow);
  const pending = due
    .filter(row => (log.attempts.get(row) ?? 0) < MAX_ATTEMPTS)
    .sort((a, b) => a - b)
    .map(emailFor)
    .filter((p): p is PendingEmail => p !== undefined);
  const outcomes: DeliveryOutcome[] = [];
  for (const item of pending) {
    try {
      outcomes.push({
        scorecardRow: item.scorecardRow,
        status: 'sent',
        detail: send(spreadsheet, settings, clock, trend, item),
      });
    } catch (err) {
      outcomes.push({
        scorecardRow: item.scorecardRow,
        status: 'failed',
        detail: (err as Error).message,
      });
    }
  }
  const at = new Date(Math.floor(clock.now.getTime() / 1000) * 1000);
  appendToTable(
    log.table,
    outcomes.map(o => {
      const item = pending.find(p => p.scorecardRow === o.scorecardRow)!;
      return {
        'Attempted At': at,
        'Scorecard Row': o.scorecardRow,
        'Week Ending': clock.midnight(item.record.weekEnding),
        Recipients: settings.cfoEmails.join(', '),
        Status: o.status,
        Detail: o.detail,
      };
    }),
  );
  return outcomes;
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
