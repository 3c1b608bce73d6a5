/**
 * The small grammar every message shares, so an alert, an email and the
 * sidebar never say "1 signals" or end a sentence with two full stops.
 */

/** Names each in quotes: `"Deal ID", "Stage"`. */
export const quoted = (names: readonly string[]) =>
  names.map(n => `"${n}"`).join(', ');

/** A name or email as compared: case and surrounding spaces ignored. */
export const caseless = (text: string) => text.trim().toLowerCase();

/** "1 signal", "2 signals" (regular plurals; pass the plural when it is not). */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** Text that may already end in a full stop, ended with exactly one. */
export const sentence = (text: string): string =>
  `${text.replace(/[.\s]+$/, '')}.`;

/** "A", "A and B", "A, B and C". */
export function listed(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A share as a percentage, at one precision everywhere (email, sidebar,
 * messages, MISS_HEADLINE): "23%" from 10% up; "6.8%" and "5%" below, where a
 * tenth matters; "<0.1%" for a sliver.
 */
export function percent(share: number): string {
  const p = share * 100;
  if (Math.round(p) >= 10) return `${Math.round(p)}%`;
  const tenths = Number(p.toFixed(1));
  // A real but tiny gap is not "0%".
  return tenths === 0 && p > 0 ? '<0.1%' : `${tenths}%`;
}
