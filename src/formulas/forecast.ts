/** Forecast variance and bias: docs/playbook.md "The weekly numbers". */
import {
  elementwise,
  finite,
  formulaError,
  requireNumber,
  type Arg,
} from './args';

const NAMES = ['committed', 'closed'] as const;
const abs = Math.abs; // bound once: per cell (see domain/cells.ts)

/** (closed − committed) ÷ committed for one row; committed 0 only pairs with closed 0. */
function signedGap(
  fn: string,
  what: string,
  a: unknown,
  b: unknown,
  row?: number,
) {
  const commit = requireNumber(fn, 'committed', a, row);
  const actual = requireNumber(fn, 'closed', b, row);
  if (commit < 0) {
    throw formulaError(
      fn,
      `committed is ${commit}, a commit cannot be negative`,
      row,
    );
  }
  if (actual < 0) {
    throw formulaError(
      fn,
      `closed is ${actual}, bookings cannot be negative`,
      row,
    );
  }
  if (commit === 0) {
    if (actual === 0) return 0;
    throw formulaError(
      fn,
      `committed is 0, so ${what} is undefined; enter the amount committed at the start of the week`,
      row,
    );
  }
  return finite(fn, (actual - commit) / commit, what, row);
}

/** |closed − committed| ÷ committed; committed 0 is an error unless closed is 0 too. */
export function forecastVariance(committed: Arg, closed: Arg) {
  const fn = 'FORECAST_VARIANCE';
  return elementwise(fn, NAMES, [committed, closed], ([a, b], row) =>
    abs(signedGap(fn, 'variance', a, b, row)),
  );
}

/** (closed − committed) ÷ committed, signed: negative means the forecast was over. */
export function forecastBias(committed: Arg, closed: Arg) {
  const fn = 'FORECAST_BIAS';
  return elementwise(fn, NAMES, [committed, closed], ([a, b], row) =>
    signedGap(fn, 'bias', a, b, row),
  );
}
