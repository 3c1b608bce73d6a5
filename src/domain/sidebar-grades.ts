/**
 * The Grade view's rules, shared by the sidebar (to say so at once) and the
 * server (to refuse a save): 3 to 5 active commitments, a grade for each, a
 * reason for every Yellow and Red, and a next action that is not last week's
 * pledge repeated.
 */
import type {CommitmentView} from './sidebar-types';
import type {Grade} from './workbook';

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
    return `The plan has only ${activeCount} active commitment${activeCount === 1 ? '' : 's'}; the playbook asks for 3 to 5. Add ${MIN_COMMITMENTS - activeCount} on the Commitments tab.`;
  if (activeCount > MAX_COMMITMENTS)
    return `The plan has ${activeCount} active commitments; the playbook allows 3 to 5, never more than 5. Untick Active for ${activeCount - MAX_COMMITMENTS} on the Commitments tab.`;
  return '';
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
