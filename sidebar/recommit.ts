/**
 * The recommit update (issue 13 §5, playbook 3.3) drafted in the sidebar from
 * the latest grades, in the playbook's words: "Six weeks ago I made five
 * commitments. Here is the status of each one. Three are green. One is yellow
 * because … One is red because … Here is what I am doing about the red and
 * the yellow." The reasons and next actions are the CRO's own, as graded.
 */
import {daysBetween} from '../src/domain/calendar';
import type {CommitmentView, SidebarData} from '../src/domain/sidebar/types';

/** The plan week from which the draft is offered. */
export const RECOMMIT_FROM_WEEK = 4;

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'];
const say = (n: number) => NUMBERS[n] ?? String(n);
const Say = (n: number) => say(n).charAt(0).toUpperCase() + say(n).slice(1);
/** The CRO's words as a clause: no closing full stop; "…" where they wrote none. */
const clause = (text = '') => text.trim().replace(/[.\s]+$/, '') || '…';

/**
 * The week of the plan: with a signed 60-day plan, days 1–7 from its first
 * signing day are week 1 (as "Day N of 60" counts, to today in the
 * spreadsheet's zone); before it is signed, the week counted from Rebuild Start.
 */
export function planWeek(data: SidebarData): number {
  const plan = data.scorecard.record.plan;
  return plan
    ? Math.floor(daysBetween(plan.signed, data.today) / 7) + 1
    : data.week;
}

export function recommitDraft(
  commitments: readonly CommitmentView[],
  week: number,
): string {
  // The latest grade: this week's when given, else last week's.
  const latest = commitments.map(c => ({c, g: c.thisWeek ?? c.lastWeek}));
  const graded = (grade: string) => latest.filter(x => x.g?.grade === grade);
  const ago = week - 1;
  const lines = [
    `${Say(ago)} week${ago === 1 ? '' : 's'} ago I made ${say(commitments.length)} commitment${commitments.length === 1 ? '' : 's'}. Here is the status of each one.`,
  ];
  const green = graded('Green').length;
  if (green) lines.push(`${Say(green)} ${green === 1 ? 'is' : 'are'} green.`);
  const off = ['Yellow', 'Red'].filter(g => graded(g).length);
  for (const grade of off) {
    const xs = graded(grade);
    const colour = grade.toLowerCase();
    lines.push(
      xs.length === 1
        ? `One is ${colour} because ${clause(xs[0].g!.reason)} (${xs[0].c.commitment}).`
        : `${Say(xs.length)} are ${colour}: ${xs.map(x => `${x.c.commitment} because ${clause(x.g!.reason)}`).join('; ')}.`,
    );
  }
  const ungraded = latest.filter(x => !x.g).length;
  if (ungraded)
    lines.push(
      `${Say(ungraded)} ${ungraded === 1 ? 'is' : 'are'} not graded yet.`,
    );
  let text = lines.join(' ');
  if (off.length) {
    const which = off
      .map(g => `the ${g.toLowerCase()}`)
      .reverse()
      .join(' and ');
    text += `\n\nHere is what I am doing about ${which}:\n${latest
      .filter(x => off.includes(x.g?.grade ?? ''))
      .map(x => `- ${x.c.commitment}: ${clause(x.g!.nextAction)}.`)
      .join('\n')}`;
  }
  return text;
}
