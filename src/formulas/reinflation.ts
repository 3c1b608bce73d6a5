/** The re-inflation guard in cells: REINFLATION_CHECK over a Quarters tab's Commit and Actual. */
import {isBlank} from '../domain/cells';
import {reinflationChecks} from '../domain/quarters/reinflation';
import {alongPeriods, pairedCells, requireNonNegative, type Arg} from './args';

/** One verdict per period (oldest first), shaped like `commits`: a column, or a row. */
export function reinflationCheck(commits: Arg, actuals: Arg) {
  const fn = 'REINFLATION_CHECK';
  const shape = alongPeriods(fn, 'commits', commits);
  const [c, a] = pairedCells(fn, ['commits', 'actuals'], [commits, actuals]);
  const amount = (name: string, v: unknown, row: number) =>
    isBlank(v) ? undefined : requireNonNegative(fn, name, v, row);
  return shape(
    reinflationChecks(
      c.map((commit, i) => ({
        commit: amount('commit', commit, i + 1),
        actual: amount('actual', a[i], i + 1),
      })),
    ),
  );
}
