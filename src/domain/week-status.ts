/**
 * Whether this week is recorded and emailed, for the sidebar's Scorecard
 * view: each Scorecard row of the week (the record, then any amendments),
 * when and by whom it was written, and its email: sent when and to whom, or
 * why it failed and whether a scheduled run will try again. Plain JSON for
 * google.script.run: instants are ISO strings.
 */
import type {LocalDate} from './calendar';
import {GIVE_UP_DAYS, type Delivery} from './delivery-log';
import {sentence} from './words';

export interface DeliveryState {
  status: 'sent' | 'sending' | 'failed' | 'gave up' | 'pending';
  /** ISO instant of what the status says ('' when unknown or pending). */
  at: string;
  /** Who it was sent to ('' unless sent). */
  to: string;
  /** Why it failed or was given up ('' otherwise). */
  why: string;
}

/** A row's delivery as the Delivery Log's reader gives it, in wire form (no Date). */
export function deliveryState(d: Delivery): DeliveryState {
  const iso = (at?: Date) => (at ? at.toISOString() : '');
  if (d.sentAt || d.sentTo)
    return {status: 'sent', at: iso(d.sentAt), to: d.sentTo ?? '', why: ''};
  if (d.gaveUp)
    return {
      status: 'gave up',
      at: iso(d.gaveUp.at),
      to: '',
      why: d.gaveUp.detail,
    };
  if (d.sending) return {status: 'sending', at: '', to: '', why: ''};
  if (d.lastFailure)
    return {
      status: 'failed',
      at: iso(d.lastFailure.at),
      to: '',
      why: d.lastFailure.detail,
    };
  return {status: 'pending', at: '', to: '', why: ''};
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
    const on = d.at ? ` ${when(d.at)}` : '';
    const mail =
      d.status === 'sent'
        ? `Emailed${on} to ${d.to || 'the CFO'}.`
        : d.status === 'sending'
          ? 'Being emailed now.'
          : d.status === 'gave up'
            ? `The email was given up${on}: ${sentence(d.why || 'no reason logged')} See the Delivery Log.`
            : d.status === 'failed'
              ? `The email failed${on}: ${sentence(d.why || 'no reason logged')} The next scheduled run tries again (once a day, for up to ${GIVE_UP_DAYS} days).`
              : r.amends === ''
                ? 'Not emailed yet.'
                : 'The CFO gets what changed in the next scheduled run.';
    return [`${what}${at}${by}.`, mail];
  });
}
