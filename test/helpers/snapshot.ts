/**
 * snapshotWeek as a person who confirms what they are shown: before the
 * week's scheduled time the server answers {status: 'confirm', preview}; the
 * second call sends back that preview's fingerprint (issue 11 §5).
 */
import type {LoadedBundle} from '../../emulator/loader';

/** What snapshotWeek answers once it has recorded (or found nothing new). */
export interface Snapshot {
  status: string;
  scorecardRow: number;
  chain: string;
  message: string;
}

/** snapshotWeek from the sidebar, as is: it may answer {status: 'confirm'} before the scheduled time. */
export const sidebarSnapshot = (bundle: LoadedBundle) =>
  bundle.call('snapshotWeek', [], {trigger: 'sidebar'}) as Snapshot;

export function confirmingSnapshot<T>(snapshot: (...args: unknown[]) => T): T {
  const first = snapshot() as {
    status?: string;
    preview?: {fingerprint: string};
  };
  return first.status === 'confirm'
    ? snapshot({fingerprint: first.preview!.fingerprint})
    : (first as T);
}
