/**
 * The small grammar every message shares, so an alert, an email and the
 * sidebar never say "1 signals" or end a sentence with two full stops.
 */

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
