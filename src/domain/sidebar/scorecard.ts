/**
 * The Scorecard view's record kept current while the CRO works: grades and
 * signals saved from the sidebar change the counts the way the snapshot
 * would count them (scorecard.ts), without another trip to the server.
 */
import type {WeekRecord} from '../scorecard-record';
import {savePlayRate} from './signals';
import type {AttendanceView, CommitmentView, SignalView} from './types';
import type {Grade} from '../workbook';

export function liveRecord(
  record: WeekRecord,
  commitments: readonly CommitmentView[],
  signals: readonly SignalView[],
  attendance?: AttendanceView,
): WeekRecord {
  const graded = commitments.map(c => ({
    id: c.id,
    commitment: c.commitment,
    grade: c.thisWeek?.grade ?? ('' as const),
    reason: c.thisWeek?.reason ?? '',
    nextAction: c.thisWeek?.nextAction ?? '',
  }));
  const count = (grade: Grade) => graded.filter(c => c.grade === grade).length;
  const rate = savePlayRate(signals);
  return {
    ...record,
    signalsFired: rate.fired,
    savePlaysExecuted: rate.executed,
    savePlayRate: rate.rate,
    savePlaysAssigned: rate.assigned,
    // As computeWeekRecord: attended ÷ invited, blank when nobody was invited.
    attendance:
      attendance && typeof attendance.invited === 'number'
        ? attendance.invited > 0 && typeof attendance.attended === 'number'
          ? attendance.attended / attendance.invited
          : ''
        : record.attendance,
    green: count('Green'),
    yellow: count('Yellow'),
    red: count('Red'),
    commitments: graded,
  };
}
