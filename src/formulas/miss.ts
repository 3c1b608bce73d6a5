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
  asRows,
  cellsOf,
  elementwise,
  formulaError,
  isGrid,
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
 * Consecutive most recent periods in which actual ≥ commit. Periods run
 * oldest to newest; blank rows and a final period without an actual yet are
 * skipped.
 */
export function trustStreakOf(commits: Arg, actuals: Arg) {
  const fn = 'TRUST_STREAK';
  const c = cellsOf(commits);
  const a = cellsOf(actuals);
  if (c.length !== a.length) {
    throw formulaError(
      fn,
      `commits has ${c.length} cells but actuals has ${a.length}; give ranges of the same size`,
    );
  }
  let end = c.length;
  // Trailing blank rows (whole-column ranges) and the period under way have no result yet.
  while (end > 0 && isBlank(a[end - 1])) end--;
  const periods: {commit: number; actual: number}[] = [];
  for (let i = 0; i < end; i++) {
    const row = i + 1;
    if (isBlank(c[i]) && isBlank(a[i])) continue;
    if (isBlank(c[i]) || isBlank(a[i])) {
      throw formulaError(
        fn,
        `${isBlank(c[i]) ? 'commit' : 'actual'} is blank; every past period needs both its commit and its actual`,
        row,
      );
    }
    periods.push({
      commit: requireNonNegative(fn, 'commit', c[i], row),
      actual: requireNonNegative(fn, 'actual', a[i], row),
    });
  }
  return trustStreak(periods);
}

/**
 * MISS_PATTERN: one result per period in the bookings range's shape, oldest
 * first. Rows after the last bookings (periods still to come) and rows blank
 * in both give blank; a past period needs both its bookings and its plan.
 */
export function missPatternOf(bookings: Arg, plan: Arg) {
  const fn = 'MISS_PATTERN';
  const rows = isGrid(bookings) ? asRows(bookings) : [[bookings]];
  // Periods run down one column or along one row: a block has no order.
  if (rows.length > 1 && rows.some(r => r.length !== 1))
    throw formulaError(fn, 'bookings must be one column or one row');
  const b = cellsOf(bookings);
  if (b.length === 0) throw formulaError(fn, 'bookings is an empty range');
  const p = cellsOf(plan);
  if (b.length !== p.length) {
    throw formulaError(
      fn,
      `bookings has ${b.length} cells but plan has ${p.length}; give ranges of the same size`,
    );
  }
  let end = b.length;
  while (end > 0 && isBlank(b[end - 1])) end--;
  const at: number[] = [];
  const periods: {bookings: number; plan: number}[] = [];
  for (let i = 0; i < end; i++) {
    const row = isGrid(bookings) ? i + 1 : undefined;
    if (isBlank(b[i]) && isBlank(p[i])) continue;
    if (isBlank(b[i]) || isBlank(p[i]))
      throw formulaError(
        fn,
        `${isBlank(b[i]) ? 'bookings' : 'plan'} is blank; every past period needs both its bookings and its plan`,
        row,
      );
    at.push(i);
    periods.push({
      bookings: requireNonNegative(fn, 'bookings', b[i], row),
      plan: requireNonNegative(fn, 'plan', p[i], row),
    });
  }
  const results: string[] = new Array<string>(b.length).fill('');
  missPattern(periods).forEach((r, k) => (results[at[k]] = r));
  if (!isGrid(bookings)) return results[0];
  return rows.length > 1 ? results.map(r => [r]) : [results];
}
