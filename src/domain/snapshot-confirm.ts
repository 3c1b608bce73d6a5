/**
 * The CFO is emailed on purpose. Before the week's scheduled time (the
 * Scorecard Day at the Scorecard Hour, on the spreadsheet's clock) a
 * snapshot that would email the CFO at once (the week's first record) asks
 * first: the person sees what will go out and what is still missing. After
 * that time it runs at once: the week is due, and the scheduled run would
 * send the same. An amendment never asks: it is recorded at once and its
 * corrections go out with the next scheduled run. The server checks the confirmation itself: the
 * sidebar sends back the fingerprint of the preview the person saw, and a
 * preview of data that changed since is refused and shown again.
 */
import type {LocalDate} from './calendar';
import type {CfoEmailView} from './cfo-email';
import type {WeekRecord} from './scorecard-record';
import {z} from './zod';
import {matches, string} from './checks';
import {parsePayload} from './sidebar/schemas';

/** The wall time (the zone's clock reading, as ms counted as if UTC) the week's scheduled snapshot runs. */
export function scheduledWall(weekEnding: LocalDate, hour: number): number {
  return Date.parse(`${weekEnding}T00:00:00Z`) + hour * 3600000;
}

export type SnapshotStatus = 'recorded' | 'amended' | 'unchanged';

/** What a confirmation vouches for: the content that goes out and to whom, nothing else (not the time). */
export const fingerprintText = (
  weekEnding: LocalDate,
  status: SnapshotStatus,
  record: WeekRecord,
  changes: readonly string[],
  amendsRow: number | '',
  recipients: readonly string[],
): string =>
  JSON.stringify([weekEnding, status, record, changes, amendsRow, recipients]);

/** The preview of Snapshot this week now, as it crosses the wire (no Date inside). */
export interface SnapshotPreview {
  week: number;
  weekEnding: LocalDate;
  status: SnapshotStatus;
  /** When the scheduled snapshot of this week runs, e.g. "Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)". */
  scheduledFor: string;
  needsConfirmation: boolean;
  recipients: string[];
  subject: string;
  /** The CFO email's own view (domain/cfo-email.ts), as the CFO will read it. */
  view: CfoEmailView;
  /** What the workbook still lacks for this week (the readiness note's list). */
  warnings: string[];
  /** SHA-256 of fingerprintText: sent back to confirm exactly this. */
  fingerprint: string;
}

/** The sidebar's confirmation: the fingerprint of the preview the person saw. */
export const ConfirmationSchema = () =>
  z.object(
    {
      fingerprint: string('must be the fingerprint of the preview').check(
        matches(/^[0-9a-f]{64}$/, 'is not the fingerprint of a preview'),
      ),
    },
    'must be {fingerprint} from the preview',
  );

export interface Confirmation {
  fingerprint: string;
}

/** No confirmation, or a well-formed one; anything else is refused by name. */
export function parseConfirmation(input: unknown): Confirmation | undefined {
  if (input === undefined || input === null) return undefined;
  const parsed = parsePayload(ConfirmationSchema(), input);
  if (!parsed.ok) throw new Error(`Snapshot not taken: ${parsed.message}`);
  return parsed.value;
}
