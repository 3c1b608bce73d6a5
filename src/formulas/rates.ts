/**
 * Save-play execution and scorecard attendance (docs/playbook.md "The weekly
 * numbers"), and the words the CRO reads them with.
 */
import {
  elementwise,
  formulaError,
  requireCount,
  requireShare,
  shareArg,
  type Arg,
} from './args';
import {
  ATTENDANCE_HIGH,
  ATTENDANCE_LOW,
  SAVE_PLAY_THRESHOLD,
  attendanceWord,
  savePlayWord,
} from '../domain/rates';

/** Save-plays executed ÷ signals fired; "" when no signal fired. */
export function savePlayRate(signalsFired: Arg, savePlaysExecuted: Arg) {
  const fn = 'SAVE_PLAY_RATE';
  return elementwise(
    fn,
    ['signals_fired', 'save_plays_executed'],
    [signalsFired, savePlaysExecuted],
    ([f, e], row) => {
      const fired = requireCount(fn, 'signals_fired', f, row);
      const executed = requireCount(fn, 'save_plays_executed', e, row);
      if (executed > fired) {
        throw formulaError(
          fn,
          `save_plays_executed (${executed}) is more than signals_fired (${fired}); count one save-play per signal`,
          row,
        );
      }
      return fired === 0 ? '' : executed / fired;
    },
  );
}

/** Attended ÷ invited; "" when nobody was invited. */
export function attendanceRate(attended: Arg, invited: Arg) {
  const fn = 'ATTENDANCE_RATE';
  return elementwise(
    fn,
    ['attended', 'invited'],
    [attended, invited],
    ([a, i], row) => {
      const came = requireCount(fn, 'attended', a, row);
      const asked = requireCount(fn, 'invited', i, row);
      if (came > asked) {
        throw formulaError(
          fn,
          `attended (${came}) is more than invited (${asked})`,
          row,
        );
      }
      return asked === 0 ? '' : came / asked;
    },
  );
}

/** OPERATIONAL at or above the threshold, DECORATIVE below it. */
export function savePlayStatus(rate: Arg, threshold?: Arg) {
  const fn = 'SAVE_PLAY_STATUS';
  const line = shareArg(fn, 'threshold', threshold, SAVE_PLAY_THRESHOLD);
  return elementwise(fn, ['rate'], [rate], ([r], row) =>
    savePlayWord(requireShare(fn, 'rate', r, row), line),
  );
}

/** DISENGAGING below the low line, ENGAGED above the high line, STEADY between. */
export function attendanceStatus(rate: Arg, low?: Arg, high?: Arg) {
  const fn = 'ATTENDANCE_STATUS';
  const lowLine = shareArg(fn, 'low', low, ATTENDANCE_LOW);
  const highLine = shareArg(fn, 'high', high, ATTENDANCE_HIGH);
  if (lowLine > highLine) {
    throw formulaError(
      fn,
      `low (${lowLine}) is above high (${highLine}); give the lower line first`,
    );
  }
  return elementwise(fn, ['rate'], [rate], ([r], row) =>
    attendanceWord(requireShare(fn, 'rate', r, row), lowLine, highLine),
  );
}
