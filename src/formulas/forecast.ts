/** Forecast variance and bias: PLAYBOOK.md "The weekly numbers". */
import {elementwise, formulaError, requireNumber, type Arg} from './args';

const NAMES = ['committed', 'closed'] as const;

/** |closed − committed| ÷ committed; committed 0 is an error unless closed is 0 too. */
export function forecastVariance(committed: Arg, closed: Arg) {
  const fn = 'FORECAST_VARIANCE';
  return elementwise(fn, NAMES, [committed, closed], ([a, b], row) => {
    const commit = requireNumber(fn, 'committed', a, row);
    const actual = requireNumber(fn, 'closed', b, row);
    if (commit === 0) {
      if (actual === 0) return 0;
      throw formulaError(
        fn,
        'committed is 0, so variance is undefined; enter the amount committed at the start of the week',
        row,
      );
    }
    if (commit < 0)
      throw formulaError(
        fn,
        `committed is ${commit}, a commit cannot be negative`,
        row,
      );
    return Math.abs(actual - commit) / commit;
  });
}

/** (closed − committed) ÷ committed, signed: negative means the forecast was over. */
export function forecastBias(committed: Arg, closed: Arg) {
  const fn = 'FORECAST_BIAS';
  return elementwise(fn, NAMES, [committed, closed], ([a, b], row) => {
    const commit = requireNumber(fn, 'committed', a, row);
    const actual = requireNumber(fn, 'closed', b, row);
    if (commit === 0) {
      if (actual === 0) return 0;
      throw formulaError(
        fn,
        'committed is 0, so bias is undefined; enter the amount committed at the start of the week',
        row,
      );
    }
    if (commit < 0)
      throw formulaError(
        fn,
        `committed is ${commit}, a commit cannot be negative`,
        row,
      );
    return (actual - commit) / commit;
  });
}
