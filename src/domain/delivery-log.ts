/**
 * The Delivery Log read as data: what became of each Scorecard row's email,
 * keyed by the row's chain value (a row number repeats when the Scorecard
 * tab is recreated; a chain value does not). Pure: the services read the tab
 * and pass its records in. Lines written before the log had a Chain column
 * name only a row and a week ending; they count for the row that still has
 * both.
 */
import {addDays, type LocalDate} from './calendar';
import {isDate, toNumber, toText} from './cells';

/** Failed deliveries are retried daily for this many days, then given up. */
export const GIVE_UP_DAYS = 7;

/** Status words: `sending` claims a send (under the lock); `sent`/`failed` is its outcome. */
export type DeliveryStatusWord =
  'sending' | 'sent' | 'failed' | 'gave up' | 'CRO not told' | 'run failed';

export interface DeliveryLine {
  at: Date | undefined;
  scorecardRow: number | undefined;
  weekEnding: Date | undefined;
  chain: string;
  recipients: string;
  status: string;
  detail: string;
}

/** A Delivery Log record (by its headers) as a line. */
export function deliveryLine(
  r: Readonly<Record<string, unknown>>,
): DeliveryLine {
  const date = (v: unknown) => (isDate(v) ? v : undefined);
  return {
    at: date(r['Attempted At']),
    scorecardRow: toNumber(r['Scorecard Row']),
    weekEnding: date(r['Week Ending']),
    chain: toText(r['Chain']),
    recipients: toText(r['Recipients']),
    status: toText(r['Status']),
    detail: toText(r['Detail']),
  };
}

/** A Scorecard row as delivery knows it. */
export interface RecordedRow {
  rowNumber: number;
  /** The Week Ending cell (a date) and its calendar date. */
  weekEndingCell: unknown;
  weekEnding: LocalDate | '';
  chain: string;
}

/** The chain value a line is about: its own, or (an old line) the row's that has its row and week ending. */
function chainOf(line: DeliveryLine, rows: readonly RecordedRow[]): string {
  if (line.chain) return line.chain;
  const row = rows.find(r => r.rowNumber === line.scorecardRow);
  const cell = row?.weekEndingCell;
  return row && isDate(cell) && line.weekEnding?.getTime() === cell.getTime()
    ? row.chain
    : '';
}

const ATTEMPT = new Set(['sending', 'sent', 'failed']);

export interface Delivery {
  sentAt?: Date;
  sentTo?: string;
  lastFailure?: {at?: Date; detail: string};
  gaveUp?: {at?: Date; detail: string};
  /** Attempts made (claims and outcomes of one send count once). */
  attempts: number;
  /** The last claim has no outcome yet: a run is sending it (or died doing so). */
  sending: boolean;
}

/**
 * What became of one row's email (for the sidebar's status): when it was
 * sent and to whom, the last failure, whether it was given up. `row` lets a
 * line written before the Chain column count (by its row and week ending).
 */
export function deliveryOf(
  lines: readonly DeliveryLine[],
  chain: string,
  row?: RecordedRow,
): Delivery {
  const rows = row ? [row] : [];
  const result: Delivery = {attempts: 0, sending: false};
  // A claim counts once, with its outcome or (abandoned, or still sending) without one.
  let claimed = false;
  for (const line of lines) {
    if (!chain || chainOf(line, rows) !== chain) continue;
    if (line.status === 'sending') {
      if (claimed) result.attempts++;
      claimed = true;
    } else if (line.status === 'sent' || line.status === 'failed') {
      result.attempts++;
      claimed = false;
      if (line.status === 'sent') {
        result.sentAt = line.at;
        result.sentTo = line.recipients;
      } else result.lastFailure = {at: line.at, detail: line.detail};
    } else if (line.status === 'gave up') {
      result.gaveUp = {at: line.at, detail: line.detail};
    }
  }
  if (claimed) result.attempts++;
  result.sending = claimed;
  return result;
}

/** What a run should send for one week. */
export interface DueDelivery {
  /** `week`: the CFO has had nothing of this week; `corrections`: what changed since the row last emailed. */
  kind: 'week' | 'corrections';
  weekEnding: LocalDate;
  /** The week's latest row: what is sent. */
  row: RecordedRow;
  /** The row the CFO last had (corrections only). */
  lastSent?: RecordedRow;
  /** The first attempt since the week was last sent, and whether a failure now ends the retries. */
  since?: LocalDate;
  giveUpIfFails: boolean;
}

export interface DueOptions {
  now: Date;
  /** The calendar date of an instant, in the spreadsheet's zone. */
  localDate: (d: Date) => LocalDate;
  /** The chain value of the row a snapshot is recording now: only its week is wanted, and it is owed. */
  recording?: string;
  /** Every row is owed though it has no line yet (the partner scorecards: a quarter has no week to date a lost log by). */
  owed?: boolean;
}

/**
 * For each week of the Scorecard, what is due now, if anything: the latest
 * row of a week nothing of which was sent; or, after a later correction, a
 * summary of what changed since the row last sent. Nothing is due for a week
 * that was attempted today (at most once a day), that another run is
 * sending (an open claim), or that was given up.
 */
export function dueDeliveries(
  lines: readonly DeliveryLine[],
  rows: readonly RecordedRow[],
  options: DueOptions,
): DueDelivery[] {
  const today = options.localDate(options.now);
  const byChain = new Map(rows.map(r => [r.chain, r]));
  // Each line with the row it is about, resolved once.
  const resolved = lines.map(line => ({
    line,
    row: byChain.get(chainOf(line, rows)),
  }));
  const at = lines.find(l => l.at)?.at;
  const opened = at && options.localDate(at);
  const weeks = new Map<LocalDate, RecordedRow[]>();
  for (const r of rows) {
    if (r.weekEnding === '' || !r.chain) continue;
    weeks.set(r.weekEnding, [...(weeks.get(r.weekEnding) ?? []), r]);
  }
  const due: DueDelivery[] = [];
  for (const [weekEnding, weekRows] of weeks) {
    const latest = weekRows[weekRows.length - 1];
    const mine = resolved.filter(l => l.row?.weekEnding === weekEnding);
    // Every week's claim is written with its row: a week with no line at all
    // (but the one being recorded), in an empty log, older than the retries or
    // than the log's first line, lost its lines with the log (set-up
    // recreated it); it is not owed again.
    if (
      !mine.length &&
      latest.chain !== options.recording &&
      !options.owed &&
      (!opened ||
        opened > weekEnding ||
        addDays(weekEnding, GIVE_UP_DAYS) <= today)
    )
      continue;
    const lastIndex = (pred: (l: DeliveryLine) => boolean) => {
      for (let i = mine.length - 1; i >= 0; i--)
        if (pred(mine[i].line)) return i;
      return -1;
    };
    const sentAt = lastIndex(l => l.status === 'sent');
    const lastSent = sentAt >= 0 ? mine[sentAt].row : undefined;
    if (lastSent === latest) continue;
    const gaveUp = lastIndex(l => l.status === 'gave up');
    if (gaveUp >= 0 && mine[gaveUp].row === latest) continue;
    const window = mine.slice(Math.max(sentAt, gaveUp) + 1);
    const attempts = mine.filter(l => ATTEMPT.has(l.line.status) && l.line.at);
    if (attempts.some(l => options.localDate(l.line.at!) === today)) continue;
    // A claim with no outcome: another run is sending, or died after sending
    // (or before saying so): never sent again automatically, whatever its age.
    const open = window.some(
      ({line, row}, i) =>
        line.status === 'sending' &&
        !window
          .slice(i + 1)
          .some(o => o.row === row && o.line.status !== 'sending'),
    );
    if (open) continue;
    const first = window.find(
      l => ATTEMPT.has(l.line.status) && l.line.at,
    )?.line;
    const since = first?.at ? options.localDate(first.at) : undefined;
    due.push({
      kind: lastSent ? 'corrections' : 'week',
      weekEnding,
      row: latest,
      ...(lastSent ? {lastSent} : {}),
      ...(since ? {since} : {}),
      giveUpIfFails:
        since !== undefined && addDays(since, GIVE_UP_DAYS) <= today,
    });
  }
  return due;
}
