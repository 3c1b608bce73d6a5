/**
 * The signed 60-day plan (playbook phase 2): 3 to 5 commitments, each with a
 * metric and a target, signed by the CRO. Day 1 is the first signing day in
 * the spreadsheet's zone; a re-signed version keeps that day 1, so a changed
 * plan never buys more time.
 */
import {daysBetween, type LocalDate} from '../calendar';
import {toNumber, toText} from '../cells';
import {edited} from '../input-error';
import {COMMITMENTS} from '../workbook';

/** A commitment as signed: ID, wording, metric, target. */
export type SignedCommitment = string[];

export const PLAN_DAYS = 60;

/** The Commitments columns a signature covers, in SignedCommitment's order. */
export const SIGNED_FIELDS = COMMITMENTS.columns.slice(0, 4).map(c => c.header);

export const signedOf = (record: Record<string, unknown>): SignedCommitment =>
  SIGNED_FIELDS.map(h => toText(record[h]));

export interface SignedPlan {
  version: number;
  /** Day 1 of the 60: the first version's signing day. */
  signed: LocalDate;
  /** This version's signing day. */
  on: LocalDate;
  commitments: SignedCommitment[];
  /** Set when the plan is shown for a week: the week ending's day of the plan. */
  day?: number;
}

/** The latest version, from the Plan tab's rows in sheet order (its Signed On read as a date of the spreadsheet's zone). */
export function latestPlan(
  rows: ReadonlyArray<Record<string, unknown>>,
  localDate: (value: unknown) => LocalDate | '',
): SignedPlan | undefined {
  let plan: SignedPlan | undefined;
  for (const r of rows) {
    const version = toNumber(r['Version']) ?? 0;
    if (!plan || version > plan.version) {
      const on = localDate(r['Signed On']) as LocalDate;
      plan = {version, signed: plan?.signed ?? on, on, commitments: []};
    }
    if (version === plan.version) plan.commitments.push(signedOf(r));
  }
  return plan;
}

/** Day N of the plan on a date (day 1: the signing day). */
export const planDay = (plan: SignedPlan, date: LocalDate) =>
  daysBetween(plan.signed, date) + 1;

/**
 * Each commitment signed or active now whose wording, metric or target
 * differs, or that is only on one side: [ID, as signed, as now] (the words
 * are in src/templates/plan-words.html).
 */
export function planChanges(
  signed: SignedCommitment[],
  active: SignedCommitment[],
) {
  const find = (list: SignedCommitment[], id: string) =>
    list.find(c => c[0] === id);
  return [...new Set([...signed, ...active].map(c => c[0]))]
    .map(id => [id, find(signed, id), find(active, id)] as const)
    .filter(([, was, now]) => JSON.stringify(was) !== JSON.stringify(now));
}

/**
 * The Plan Data cell of a week's row: the plan during its 60 days, else
 * blank. The last weekly email of the 60 days is the one whose week ending
 * is day 54 to 60 (the next would fall past day 60): the templates set each
 * target against its result there.
 */
export const planData = (plan?: SignedPlan) =>
  plan?.day && plan.day <= PLAN_DAYS ? JSON.stringify(plan) : '';

/** Plan Data read back; an Error when it is not JSON (an edit, which the chain also flags). */
export function readPlanData(text: string): SignedPlan {
  try {
    return JSON.parse(text);
  } catch {
    throw edited('Plan Data is not the plan');
  }
}
