/**
 * Miss arithmetic (docs/playbook.md): soft and hard misses, the post-mortem's
 * first sentence, the black-swan split and the trust streak. Inputs are
 * validated numbers; callers check signs and ranges.
 */
import {percent} from './words';

export type MissType = 'BEAT' | 'SOFT MISS' | 'HARD MISS';

/** BEAT at or above plan; SOFT MISS below plan but at or above the prior period; HARD MISS below the prior period. */
export function missType(
  bookings: number,
  priorBookings: number,
  plan: number,
): MissType {
  if (bookings >= plan) return 'BEAT';
  return bookings >= priorBookings ? 'SOFT MISS' : 'HARD MISS';
}

const UNITS: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** "$14.2M", "$850.0K", "$920": one decimal in the largest unit that keeps the figure under 1,000. */
export function money(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const n = Math.abs(amount);
  for (const [size, unit] of UNITS) {
    // Rounding decides the unit: 999,960 is "$1.0M", not "$1000.0K".
    if (Number((n / size).toFixed(1)) >= 1) {
      return `${sign}$${(n / size).toFixed(1)}${unit}`;
    }
  }
  return `${sign}$${Math.round(n)}`;
}

/**
 * The post-mortem's first sentence: "We finished Q3 at $14.2M against a
 * commit of $18.5M. The miss was $4.3M or 23% under." A beat says so too.
 */
export function missHeadline(
  actual: number,
  commit: number,
  period: string,
): string {
  const opening = `We finished ${period} at ${money(actual)} against a commit of ${money(commit)}.`;
  const gap = actual - commit;
  if (gap === 0) return `${opening} We delivered the commit exactly.`;
  const size = `${money(Math.abs(gap))} or ${percent(Math.abs(gap) / commit)}`;
  return gap < 0
    ? `${opening} The miss was ${size} under.`
    : `${opening} The beat was ${size} over.`;
}

/**
 * The black-swan split of a miss: [operational, non-controllable]. No miss
 * (a beat) splits as [0, 0]. The caller checks the non-controllable part
 * does not exceed the miss.
 */
export function missSplit(
  actual: number,
  commit: number,
  nonControllable: number,
): [number, number] {
  const miss = Math.max(0, commit - actual);
  return [miss - nonControllable, nonControllable];
}

/** Consecutive most recent periods (oldest first in the list) in which actual ≥ commit. */
export function trustStreak(
  periods: readonly {commit: number; actual: number}[],
): number {
  let streak = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    if (periods[i].actual < periods[i].commit) break;
    streak++;
  }
  return streak;
}

export type MissPattern =
  | 'BEAT'
  | 'MISS'
  | 'SOFT MISS'
  | 'SOFT MISS — FREQUENT'
  | 'HARD MISS'
  | 'HARD MISS — REPEATED';

/**
 * The miss pattern of consecutive periods, oldest first (issue 14 §3): each
 * period's miss type against the one before (the first, with none, is BEAT
 * or MISS); a hard miss after an earlier hard miss is REPEATED, a soft miss
 * with another soft miss within the 3 periods before is FREQUENT.
 */
export function missPattern(
  periods: readonly {bookings: number; plan: number}[],
): MissPattern[] {
  // Miss types of the periods after the first (whose MISS is neither soft nor hard).
  const earlier: MissType[] = [];
  return periods.map(({bookings, plan}, i) => {
    if (i === 0) return bookings >= plan ? 'BEAT' : 'MISS';
    const type = missType(bookings, periods[i - 1].bookings, plan);
    const repeated =
      type === 'HARD MISS'
        ? earlier.includes(type)
        : type === 'SOFT MISS' && earlier.slice(-3).includes(type);
    earlier.push(type);
    if (repeated)
      return type === 'HARD MISS'
        ? 'HARD MISS — REPEATED'
        : 'SOFT MISS — FREQUENT';
    return type;
  });
}
