/**
 * Save-play execution and scorecard attendance thresholds (docs/playbook.md, and
 * the Settings defaults), with the words the CRO reads the rates with.
 */

/** Save-Play Threshold: below it the system is decorative, at or above it operational. */
export const SAVE_PLAY_THRESHOLD = 0.8;
/** Attendance Thresholds: below the low line the audience is disengaging; above the high line, engaged. */
export const ATTENDANCE_LOW = 0.8;
export const ATTENDANCE_HIGH = 0.9;

export type SavePlayWord = 'OPERATIONAL' | 'DECORATIVE';
export type AttendanceWord = 'DISENGAGING' | 'STEADY' | 'ENGAGED';

export function savePlayWord(
  rate: number,
  threshold = SAVE_PLAY_THRESHOLD,
): SavePlayWord {
  return rate >= threshold ? 'OPERATIONAL' : 'DECORATIVE';
}

export function attendanceWord(
  rate: number,
  low = ATTENDANCE_LOW,
  high = ATTENDANCE_HIGH,
): AttendanceWord {
  if (rate < low) return 'DISENGAGING';
  return rate > high ? 'ENGAGED' : 'STEADY';
}
