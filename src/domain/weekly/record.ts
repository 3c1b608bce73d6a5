/**
 * The weekly part of a Scorecard row (after Grades Data): written only when
 * it holds something, read back for a re-send, and compared for an amendment.
 * The adjusted numbers go with the record's other numbers (NUMBER_COLUMNS).
 */
import type {WeekRecord} from '../scorecard-record';
import type {WrongCall} from './weekly';

const callsText = (calls: WrongCall[] = []) =>
  calls.length
    ? JSON.stringify(calls.map(c => [c.id, c.deal, c.why, c.words]))
    : '';

export const weeklyValues = (r: WeekRecord) => ({
  'Wrong Calls': callsText(r.wrongCalls),
  'Recommit Update': r.recommit ?? '',
  'Re-inflation Warning': r.warning ?? '',
});

/** The row's words read back; an Error naming the cell when Wrong Calls is not what the add-on writes. */
export function weeklyFromValues(
  values: Readonly<Record<string, unknown>>,
): Partial<WeekRecord> {
  const text = (h: string) => String(values[h] ?? '');
  const calls = text('Wrong Calls');
  let data: unknown = [];
  try {
    if (calls) data = JSON.parse(calls);
  } catch {
    data = 0;
  }
  if (
    !Array.isArray(data) ||
    !data.every(
      c =>
        Array.isArray(c) &&
        c.length === 4 &&
        c.every(v => typeof v === 'string'),
    )
  )
    throw new Error('Wrong Calls was edited: run Verify scorecard record.');
  return {
    wrongCalls: (data as string[][]).map(([id, deal, why, words]) => ({
      id,
      deal,
      why,
      words,
    })),
    recommit: text('Recommit Update'),
    warning: text('Re-inflation Warning'),
  };
}

/** Which of the weekly cells changed between two records of a week ("Wrong Calls: changed"). */
export function weeklyChanges(before: WeekRecord, after: WeekRecord): string[] {
  const [was, now] = [before, after].map(weeklyValues);
  return Object.keys(now)
    .filter(h => was[h as keyof typeof was] !== now[h as keyof typeof now])
    .map(h => `${h}: changed`);
}
