/**
 * INTERIM (issue 11 §5): a Scorecard row's delivery, read from the Delivery
 * Log by its Scorecard Row number. The `delivery` branch adds a Chain column
 * and a reader of the log keyed by the row's chain value
 * (src/domain/delivery-log.ts); when it lands this file is replaced by it,
 * and only week-status.ts's one call changes.
 */
import {isDate, toNumber, toText} from './cells';
import type {DeliveryState} from './week-status';

type LogRecord = Record<string, unknown>;

export function deliveryOfRow(
  log: readonly LogRecord[],
  scorecardRow: number,
  /** Attempts before the scheduled run stops retrying (services/delivery.ts). */
  maxAttempts: number,
): DeliveryState {
  const attempts = log.filter(
    r => toNumber(r['Scorecard Row']) === scorecardRow,
  );
  const sent = attempts.find(r => toText(r['Status']) === 'sent');
  const last = sent ?? attempts[attempts.length - 1];
  if (!last)
    return {status: 'pending', at: '', to: '', why: '', willRetry: true};
  const at = last['Attempted At'];
  return {
    status: sent ? 'sent' : 'failed',
    at: isDate(at) ? at.toISOString() : '',
    to: toText(last['Recipients']),
    why: sent ? '' : toText(last['Detail']),
    willRetry: !sent && attempts.length < maxAttempts,
  };
}
