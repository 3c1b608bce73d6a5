/**
 * Whether this week is recorded and emailed, for the sidebar's Scorecard
 * view: each Scorecard row of the week (the record, then any amendments),
 * when and by whom it was written, and its email: sent when and to whom, or
 * why it failed and whether a scheduled run will try again. Plain JSON for
 * google.script.run: instants are ISO strings.
 */
import type {LocalDate} from './calendar';
import {sentence} from './words';

export interface DeliveryState {
  status: 'sent' | 'failed' | 'pending';
  /** ISO instant of the attempt shown ('' before the first). */
  at: string;
  /** The recipients of that attempt, as logged. */
  to: string;
  /** Why the last attempt failed ('' unless failed). */
  why: string;
  /** For a failure: whether a later scheduled run sends it again. */
  willRetry: boolean;
}

export interface RecordedRow {
  row: number;
  /** The row this one amends ('' for the week's first record). */
  amends: number | '';
  /** ISO instant of Snapshot At ('' when the cell holds no date). */
  recordedAt: string;
  recordedBy: string;
  delivery: DeliveryState;
}

export interface WeekRecordStatus {
  week: number;
  weekEnding: LocalDate;
  /** When the scheduled snapshot of this week runs, e.g. "Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)". */
  scheduledFor: string;
  /** Whether that time has passed (a snapshot then needs no confirmation). */
  due: boolean;
  rows: RecordedRow[];
}

/** The status in sentences; `when` shows an ISO instant on the spreadsheet's clock. */
export function statusLines(
  status: WeekRecordStatus,
  when: (iso: string) => string,
): string[] {
  const {rows, week} = status;
  // Without Rebuild Start there is no week number: the week is named by its end.
  const name =
    week > 0 ? `Week ${week}` : `The week ending ${status.weekEnding}`;
  if (rows.length === 0) {
    return [
      `${name} is not recorded yet. The scheduled snapshot runs ${status.scheduledFor}${status.due ? ' (that time has passed)' : ''}.`,
    ];
  }
  return rows.flatMap(r => {
    const what =
      r.amends === ''
        ? `${name} recorded in Scorecard row ${r.row}`
        : `Amendment to row ${r.amends} recorded in Scorecard row ${r.row}`;
    const by = r.recordedBy ? ` by ${r.recordedBy}` : '';
    const at = r.recordedAt ? ` ${when(r.recordedAt)}` : '';
    const d = r.delivery;
    const mail =
      d.status === 'sent'
        ? `Emailed${d.at ? ` ${when(d.at)}` : ''} to ${d.to || 'the CFO'}.`
        : d.status === 'pending'
          ? 'Not emailed yet.'
          : `The email failed${d.at ? ` ${when(d.at)}` : ''}${d.to ? ` (to ${d.to})` : ''}: ${sentence(d.why || 'no reason logged')} ${
              d.willRetry
                ? 'The next scheduled run tries again.'
                : 'It will not be retried: see the Delivery Log.'
            }`;
    return [`${what}${at}${by}.`, mail];
  });
}
