/**
 * The readiness note: on the day before the Scorecard Day, what the
 * snapshot would still lack if it ran now, so the CRO can fill it in while
 * there is time. It reads the same week record the snapshot writes; the CFO
 * never sees it.
 */
import type {WeekRecord} from './scorecard-record';
import {listed, plural} from './words';

export interface ReadinessInput {
  week: number;
  weekEnding: string;
  /** The week as the snapshot would record it; absent when reading it failed. */
  record?: WeekRecord;
  /** How a person reads the week ending, e.g. "Fri 20 Nov 2026". */
  weekEndingLabel: string;
  scorecardHour: number;
  cfoEmails: readonly string[];
  rebuildStart: string;
  /** Why reading the week failed (an amount that reads two ways, say), if it did. */
  failure?: string;
}

/** What this week's record still lacks: the Forecast row, attendance, grades. */
function recordGaps(record: WeekRecord): string[] {
  const gaps: string[] = [];
  const ending = `the week ending ${record.weekEnding}`;
  if (record.committed === '' && record.closed === '')
    gaps.push(`this week's Forecast row: no Committed or Closed for ${ending}`);
  else if (record.committed === '' || record.closed === '')
    gaps.push(
      `${record.committed === '' ? 'Committed' : 'Closed'} in this week's Forecast row (${ending})`,
    );
  if (record.attendance === '')
    gaps.push(
      `attendance: no Attendance row with Invited and Attended for ${ending}`,
    );
  const ungraded = record.commitments.filter(c => c.grade === '');
  if (ungraded.length > 0)
    gaps.push(
      `grades for ${ungraded.length} of ${plural(record.commitments.length, 'active commitment')}: ${listed(ungraded.map(c => `${c.id} "${c.commitment}"`))}`,
    );
  return gaps;
}

/** What the snapshot still lacks, one line each; empty when it has everything. */
export function readinessGaps(
  input: Pick<
    ReadinessInput,
    'failure' | 'rebuildStart' | 'record' | 'cfoEmails'
  >,
): string[] {
  return [
    ...(input.failure ? [`the snapshot would fail: ${input.failure}`] : []),
    ...(input.rebuildStart === ''
      ? ['Rebuild Start in Settings: without it there is no week to record']
      : []),
    ...(input.record ? recordGaps(input.record) : []),
    ...(input.cfoEmails.length === 0
      ? ['CFO Email in Settings: the snapshot would be emailed to nobody']
      : []),
  ];
}

/** The note to the CRO: its subject, and the fields of its plain-text body (src/templates/readiness.html). */
export function readinessNote(input: ReadinessInput): {
  subject: string;
  fields: {gaps: string[]; when: string};
} {
  const gaps = readinessGaps(input);
  const hour = `${String(input.scorecardHour).padStart(2, '0')}:00`;
  return {
    subject:
      gaps.length === 0
        ? `Scorecard ready for tomorrow: week ${input.week} has everything`
        : `Scorecard not ready for tomorrow: ${plural(gaps.length, 'thing')} missing for week ${input.week}`,
    fields: {
      gaps,
      when: `Tomorrow's snapshot (week ${input.week}, ending ${input.weekEndingLabel}, at ${hour})`,
    },
  };
}
