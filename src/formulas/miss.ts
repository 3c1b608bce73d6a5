/** Miss arithmetic in cells: MISS_TYPE, MISS_HEADLINE, MISS_SPLIT, TRUST_STREAK. */
import {isBlank, isDate, show, toText} from '../domain/cells';
import {
  missHeadline,
  missPattern,
  missSplit,
  missType,
  trustStreak,
} from '../domain/miss';
import {
  alongPeriods,
  asRows,
  elementwise,
  formulaError,
  isGrid,
  pairedCells,
  requireNonNegative,
  requireNumber,
  type Arg,
} from './args';

/** Beyond this the sentence would need exponents; no sales org books a quadrillion. */
const LARGEST_AMOUNT = 1e15;
/** A gap this many times the commit no longer prints as a plain percentage. */
const LARGEST_SHARE = 1e15;

function amount(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = requireNonNegative(fn, name, value, row);
  if (n >= LARGEST_AMOUNT) {
    throw formulaError(fn, `${name} is ${n}, too large to be an amount`, row);
  }
  return n;
}

function positiveCommit(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = amount(fn, name, value, row);
  if (n === 0)
    throw formulaError(
      fn,
      `${name} is 0; a miss is measured against a commit`,
      row,
    );
  return n;
}

/** BEAT, SOFT MISS or HARD MISS per row. */
export function missTypeOf(bookings: Arg, priorBookings: Arg, plan: Arg) {
  const fn = 'MISS_TYPE';
  return elementwise(
    fn,
    ['bookings', 'prior_bookings', 'plan'],
    [bookings, priorBookings, plan],
    ([b, p, pl], row) =>
      missType(
        requireNumber(fn, 'bookings', b, row),
        requireNumber(fn, 'prior_bookings', p, row),
        requireNumber(fn, 'plan', pl, row),
      ),
  );
}

const DEFAULT_PERIOD = 'the quarter';

/** A period's name for the sentence; blank reads "the quarter". */
function periodNames(fn: string, period: Arg): Arg {
  const name = (cell: unknown) => {
    if (isBlank(cell)) return DEFAULT_PERIOD;
    if (isDate(cell)) {
      throw formulaError(
        fn,
        `period is ${show(cell)}, a date; name the period instead, e.g. "Q3"`,
      );
    }
    return toText(cell);
  };
  return isGrid(period) ? asRows(period).map(r => r.map(name)) : name(period);
}

/** The post-mortem's first sentence per row. */
export function missHeadlineOf(actual: Arg, commit: Arg, period?: Arg) {
  const fn = 'MISS_HEADLINE';
  return elementwise(
    fn,
    ['actual', 'commit', 'period'],
    [actual, commit, periodNames(fn, period)],
    ([a, c, p], row) => {
      const act = amount(fn, 'actual', a, row);
      const com = positiveCommit(fn, 'commit', c, row);
      // A sliver of a commit would put "Infinity%" or an exponent in the sentence.
      if (!(Math.abs(act - com) / com < LARGEST_SHARE))
        throw formulaError(
          fn,
          `commit is ${show(c)}, too small to measure ${show(a)} against`,
          row,
        );
      return missHeadline(act, com, String(p));
    },
  );
}

/** One row per input row: operational miss, non-controllable miss. */
export function missSplitOf(actual: Arg, commit: Arg, nonControllable: Arg) {
  const fn = 'MISS_SPLIT';
  const split = elementwise(
    fn,
    ['actual', 'commit', 'non_controllable'],
    [actual, commit, nonControllable],
    ([a, c, n], row) => {
      const act = amount(fn, 'actual', a, row);
      const com = positiveCommit(fn, 'commit', c, row);
      const nc = amount(fn, 'non_controllable', n, row);
      const miss = Math.max(0, com - act);
      if (nc > miss) {
        throw formulaError(
          fn,
          `non_controllable (${nc}) is larger than the miss (${miss}); only part of a miss can be non-controllable`,
          row,
        );
      }
      return missSplit(act, com, nc);
    },
  );
  const anyRange = [actual, commit, nonControllable].some(isGrid);
  if (!anyRange) return [split === '' ? ['', ''] : (split as [number, number])];
  return (split as ([number, number] | '')[][]).map(line => {
    if (line.length > 1) {
      throw formulaError(
        fn,
        'give one column per argument; each row gives two results',
      );
    }
    return line[0] === '' ? ['', ''] : line[0];
  });
}

/**
 * The past periods of two ranges read side by side, oldest first: rows after
 * the last cell of `ranges[last]` (periods under way) and rows blank in both
 * are left out; a past period needs both. Names: [cell, range] of each.
 * `at`: each period's cell position.
 */
function periodsOf(
  fn: string,
  names: readonly [[string, string], [string, string]],
  ranges: readonly [Arg, Arg],
  last: 0 | 1,
): {at: number[]; values: [number[], number[]]; cells: number} {
  const [[aName, aRange], [bName, bRange]] = names;
  const [a, b] = pairedCells(fn, [aRange, bRange], ranges);
  const trimmed = last ? b : a;
  let end = a.length;
  while (end > 0 && isBlank(trimmed[end - 1])) end--;
  const at: number[] = [];
  const values: [number[], number[]] = [[], []];
  for (let i = 0; i < end; i++) {
    const row = i + 1;
    if (isBlank(a[i]) && isBlank(b[i])) continue;
    if (isBlank(a[i]) || isBlank(b[i])) {
      throw formulaError(
        fn,
        `${isBlank(a[i]) ? aName : bName} is blank; every past period needs both its ${aName} and its ${bName}`,
        row,
      );
    }
    at.push(i);
    values[0].push(requireNonNegative(fn, aName, a[i], row));
    values[1].push(requireNonNegative(fn, bName, b[i], row));
  }
  return {at, values, cells: a.length};
}

/**
 * Consecutive most recent periods in which actual ≥ commit. Periods run
 * oldest to newest; blank rows and a final period without an actual yet are
 * skipped.
 */
export function trustStreakOf(commits: Arg, actuals: Arg) {
  const {values} = periodsOf(
    'TRUST_STREAK',
    [
      ['commit', 'commits'],
      ['actual', 'actuals'],
    ],
    [commits, actuals],
    1,
  );
  return trustStreak(
    values[0].map((commit, i) => ({commit, actual: values[1][i]})),
  );
}

/**
 * MISS_PATTERN: one result per period, down the column or along the row
 * the bookings are in, oldest first; rows after the last bookings (periods
 * to come) and rows blank in both give blank.
 */
export function missPatternOf(bookings: Arg, plan: Arg) {
  const fn = 'MISS_PATTERN';
  const shape = alongPeriods(fn, 'bookings', bookings);
  const {at, values, cells} = periodsOf(
    fn,
    [
      ['bookings', 'bookings'],
      ['plan', 'plan'],
    ],
    [bookings, plan],
    0,
  );
  const results = new Array<string>(cells).fill('');
  missPattern(
    values[0].map((b, i) => ({bookings: b, plan: values[1][i]})),
  ).forEach((r, k) => (results[at[k]] = r));
  return shape(results);
}
