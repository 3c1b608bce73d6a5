/**
 * The record's test world at the end of week 7: the sample workbook (its
 * spreadsheet in Los Angeles) at 5 pm on Friday 20 November 2026, which is
 * already Saturday morning in Tokyo, with the script in New York.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';

/** 5 pm on Friday 20 November 2026 in Los Angeles: week 7's scorecard is due. */
export const FRIDAY_EVENING = new Date('2026-11-21T01:00:00Z');

export function weekSeven(options: {mailQuota?: number} = {}) {
  const emulator = sampleWorkbook({
    emulator: {
      scriptTimeZone: 'America/New_York',
      now: FRIDAY_EVENING,
      ...options,
    },
  });
  return {emulator, bundle: loadBundle(emulator)};
}
