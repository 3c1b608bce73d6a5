/**
 * The scorecard's tamper evidence: each row's chain value is the SHA-256 of
 * the previous row's chain value and the row's canonical content. Changing
 * any recorded value, or deleting or reordering a row, breaks every chain
 * value from that row on. Hashing itself is injected (Utilities.computeDigest
 * in Apps Script), so this stays pure.
 */
import {isDate} from './cells';

/** The chain value before the first row. */
export const GENESIS = 'genesis';

/** One value in a stable text form: dates to the second in UTC, numbers as JavaScript prints them. */
export function canonicalValue(value: unknown): string {
  if (isDate(value)) {
    const t = value.getTime();
    return isNaN(t)
      ? 'date:invalid'
      : `date:${new Date(Math.round(t / 1000) * 1000).toISOString()}`;
  }
  if (typeof value === 'number')
    return `number:${Number.isFinite(value) ? String(value) : 'NaN'}`;
  if (typeof value === 'boolean') return `boolean:${value}`;
  return `text:${String(value ?? '')}`;
}

/** A row's canonical content: header=value pairs in contract order, so column moves do not matter. */
export function canonicalRow(
  headers: readonly string[],
  values: readonly unknown[],
): string {
  return headers
    .map((h, i) => `${h}=${canonicalValue(values[i])}`)
    .join('\u001f');
}

export type Digest = (text: string) => string;

export function chainValue(
  digest: Digest,
  previous: string,
  canonical: string,
): string {
  return digest(`${previous}\n${canonical}`);
}

export interface ChainBreak {
  /** Index in the rows given (0 = first data row). */
  index: number;
  reason: string;
}

/**
 * Recomputes the chain over rows in order; returns the first row whose stored
 * chain value no longer matches its content, or undefined when all match.
 */
export function verifyChain(
  digest: Digest,
  rows: ReadonlyArray<{canonical: string; chain: string}>,
): ChainBreak | undefined {
  let previous = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const expected = chainValue(digest, previous, rows[i].canonical);
    if (rows[i].chain !== expected) {
      return {
        index: i,
        reason:
          rows[i].chain === ''
            ? 'its chain value is missing'
            : 'its content no longer matches the chain value recorded when it was written',
      };
    }
    previous = rows[i].chain;
  }
  return undefined;
}

/** Signed Java bytes (as Utilities.computeDigest returns them) to lowercase hex. */
export function bytesToHex(bytes: readonly number[]): string {
  return bytes
    .map(b => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
