/** The re-inflation guard in cells: REINFLATION_CHECK over a Quarters tab's Commit and Actual. */
import {isBlank} from '../domain/cells';
import {reinflationChecks} from '../domain/quarters/reinflation';
import {
  asRows,
  cellsOf,
  formulaError,
  isGrid,
  requireNonNegative,
  type Arg,
} from './args';

/** One verdict per period (oldest first), shaped like `commits`: a column, or a row. */
export function reinflationCheck(commits: Arg, actuals: Arg) {
  const fn = 'REINFLATION_CHECK';
  const c = cellsOf(commits);
  const a = cellsOf(actuals);
  if (c.length !== a.length) {
    throw formulaError(
      fn,
      `commits has ${c.length} cells but actuals has ${a.length}; give ranges of the same size`,
    );
  }
  if (c.length === 0) throw formulaError(fn, 'commits is an empty range');
  const rows = isGrid(commits) ? asRows(commits) : [[commits]];
  const across = rows.length === 1;
  if (!across && rows.some(r => r.length !== 1)) {
    throw formulaError(
      fn,
      'commits must be one column (or one row) of periods, oldest first',
    );
  }
  const amount = (name: string, v: unknown, row: number) =>
    isBlank(v) ? undefined : requireNonNegative(fn, name, v, row);
  const verdicts = reinflationChecks(
    c.map((commit, i) => ({
      commit: amount('commit', commit, i + 1),
      actual: amount('actual', a[i], i + 1),
    })),
  );
  if (!isGrid(commits)) return verdicts[0] ?? '';
  return across ? [verdicts] : verdicts.map(v => [v]);
}
