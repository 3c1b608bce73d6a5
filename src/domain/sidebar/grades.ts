/**
 * The Grade view's rules, shared by the sidebar (to say so at once) and the
 * server (to refuse a save): 3 to 5 active commitments, a grade for each, a
 * reason for every Yellow and Red, and a next action that is not last week's
 * pledge repeated.
 */
import type {StatusThresholds, WeekRecord} from '../scorecard-record';
import type {CommitmentView} from './types';
import {weekStatuses, type Status} from '../status';
import {GRADES, type Grade} from '../workbook';
import {plural} from '../words';

export const MIN_COMMITMENTS = 3;
export const MAX_COMMITMENTS = 5;

/** What the CRO entered for one commitment. */
export interface GradeEntry {
  commitmentId: string;
  grade: Grade | '';
  reason: string;
  nextAction: string;
}

/** A problem tied to one field, "<commitment id>.<field>", so it is shown next to it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Why the plan is not 3 to 5 active commitments, in the CRO's words ('' when it is). */
export function planProblem(activeCount: number): string {
  if (activeCount === 0)
    return 'No active commitments: tick Active for the 3 to 5 commitments of the 60-day plan on the Commitments tab.';
  if (activeCount < MIN_COMMITMENTS)
    return `The plan has only ${plural(activeCount, 'active commitment')}; the playbook asks for 3 to 5. Add ${MIN_COMMITMENTS - activeCount} on the Commitments tab.`;
  if (activeCount > MAX_COMMITMENTS)
    return `The plan has ${activeCount} active commitments; the playbook allows 3 to 5, never more than 5. Untick Active for ${activeCount - MAX_COMMITMENTS} on the Commitments tab.`;
  return '';
}

/** The refusal of a save while the plan holds more than 5 active commitments, with the way out. */
export function tooManyCommitments(activeCount: number): string {
  const extra = activeCount - MAX_COMMITMENTS;
  return `Not saved: the plan has ${activeCount} active commitments and the playbook allows never more than ${MAX_COMMITMENTS}. Retire ${extra === 1 ? 'one' : extra}: untick Active for ${extra === 1 ? 'it' : 'them'} on the Commitments tab, then reload the sidebar and save again.`;
}

/** Problems that stop a save, each naming its commitment and field. */
export function gradeProblems(entries: readonly GradeEntry[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const e of entries) {
    if (e.grade === '') {
      problems.push({
        field: `${e.commitmentId}.grade`,
        message: `Choose Green, Yellow or Red for ${e.commitmentId}.`,
      });
    } else if (e.grade !== 'Green' && e.reason.trim() === '') {
      problems.push({
        field: `${e.commitmentId}.reason`,
        message: `A ${e.grade} grade needs a reason for ${e.commitmentId}: name it plainly, without rationalising.`,
      });
    }
  }
  return problems;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A nudge when the next action repeats last week's pledge ('' otherwise). */
export function repeatedPledgeNudge(
  nextAction: string,
  commitment: Pick<CommitmentView, 'lastWeek'>,
): string {
  const pledge = commitment.lastWeek?.nextAction ?? '';
  if (nextAction.trim() === '' || pledge.trim() === '') return '';
  return normalise(nextAction) === normalise(pledge)
    ? 'This is last week’s pledge word for word: what will you do this week that you did not do last week?'
    : '';
}

/** The scorecard numbers a Metric may name, matched on the Metric's words and on the number's own name. */
const NAMED_NUMBERS: readonly RegExp[] = [
  /variance/i,
  /gate/i,
  /signal density|slip[- ]signal/i,
  /save[- ]?play/i,
  /attendance/i,
];

// A status ranks as the grade of its colour (GRADES runs Green, Yellow, Red); 'none' never contradicts.
const STATUS_RANK: Record<Status, number> = {
  green: 0,
  yellow: 1,
  red: 2,
  none: -1,
};

/**
 * A nudge when a grade is better than the colour of the scorecard number its
 * Metric names (a Green on "Gate compliance" while gate compliance is Red),
 * with the number; '' otherwise. The colours are the CFO email's (status.ts).
 */
export function metricNudge(
  commitment: Pick<CommitmentView, 'metric'>,
  grade: Grade | '',
  record: WeekRecord,
  thresholds: StatusThresholds,
): string {
  if (grade === '') return '';
  const pattern = NAMED_NUMBERS.find(p => p.test(commitment.metric));
  if (!pattern) return '';
  const number = weekStatuses(record, thresholds).find(n =>
    pattern.test(n.metric),
  );
  const rank = number ? STATUS_RANK[number.status] : -1;
  if (!number || rank <= GRADES.indexOf(grade)) return '';
  return `${number.metric} is ${GRADES[rank]} this week: ${number.says} (target: ${number.target}). A ${grade} grade says otherwise: grade against the number, or say in the reason what it misses.`;
}
