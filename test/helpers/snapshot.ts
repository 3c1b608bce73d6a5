/**
 * snapshotWeek as a person who confirms what they are shown: before the
 * week's scheduled time the server answers {status: 'confirm', preview}; the
 * second call sends back that preview's fingerprint (issue 11 §5).
 */
export function confirmingSnapshot<T>(snapshot: (...args: unknown[]) => T): T {
  const first = snapshot() as {
    status?: string;
    preview?: {fingerprint: string};
  };
  return first.status === 'confirm'
    ? snapshot({fingerprint: first.preview!.fingerprint})
    : (first as T);
}
