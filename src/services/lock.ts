/**
 * Every write runs under the document lock, so the sidebar, a menu item and
 * the weekly trigger never interleave their writes to one workbook. The lock
 * is re-entrant within one execution: a feature may hold it around a
 * read-modify-write while the table layer it calls takes it again.
 */

/** How long to wait for another execution to finish its write. */
export const LOCK_WAIT_MS = 30_000;

let held = 0;

export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  if (held > 0) {
    held++;
    try {
      return fn();
    } finally {
      held--;
    }
  }
  // No document lock outside a document-bound execution: the script lock still serialises writers.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  try {
    lock.waitLock(waitMs);
  } catch {
    throw new Error(
      `Another change to this workbook (a person in the sidebar or the weekly schedule) did not finish within ${Math.round(waitMs / 1000)} seconds, so nothing was written. Try again in a minute.`,
    );
  }
  held = 1;
  try {
    return fn();
  } finally {
    held = 0;
    lock.releaseLock();
  }
}
