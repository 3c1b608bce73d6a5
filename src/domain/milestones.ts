/**
 * The glide-path targets of docs/playbook.md as settings: milestones such as
 * "12% by week 2", and the target in force at a given week of the rebuild.
 */
import {isBlank, show, toNumber} from './cells';
import {InputError} from './input-error';

export interface Milestone {
  /** The week of the rebuild by which the target must be met (1 = first week). */
  week: number;
  /** The target as a fraction (0.12 for 12%). */
  target: number;
}

/** Forecast variance: ≤ 12% by week 2, ≤ 8% by week 6, ≤ 5% by week 12. */
export const VARIANCE_MILESTONES_TEXT = '2:12%, 6:8%, 12:5%';
/** Qualification-gate compliance: 95% by week 4, 100% by week 8. */
export const GATE_MILESTONES_TEXT = '4:95%, 8:100%';

export const VARIANCE_MILESTONES: readonly Milestone[] = Object.freeze([
  {week: 2, target: 0.12},
  {week: 6, target: 0.08},
  {week: 12, target: 0.05},
]);
export const GATE_MILESTONES: readonly Milestone[] = Object.freeze([
  {week: 4, target: 0.95},
  {week: 8, target: 1},
]);

const EXAMPLE = `write them like "${VARIANCE_MILESTONES_TEXT}" or "12% by week 2, 8% by week 6"`;
// "2:12%", "week 2: 12%", "w2 = 0.12"
const WEEK_FIRST = /^(?:weeks?|wk|w)?\s*(\S+?)\s*[:=]\s*(\S+)$/i;
// "12% by week 2", "12% at week 2"
const TARGET_FIRST = /^(\S+)\s+(?:by|at|from|in)\s+(?:weeks?|wk|w)?\s*(\S+)$/i;

/** A milestone week: a whole number of weeks from 1. */
function parseWeek(value: unknown, where: string): number {
  const week = toNumber(value);
  if (week === undefined || !Number.isInteger(week) || week < 1) {
    throw new InputError(
      `${where}: week ${show(value)} is not a week of the rebuild (1, 2, 3, …)`,
    );
  }
  return week;
}

/** A target share: "12%" or 0.12; a bare 12 is ambiguous and refused. */
function parseTarget(value: unknown, where: string): number {
  const target = toNumber(value);
  if (target === undefined || target < 0 || target > 1) {
    throw new InputError(
      `${where}: target ${show(value)} is not a share between 0% and 100% (write 12% or 0.12)`,
    );
  }
  return target;
}

/** Sorted by week; one target per week. */
/** A milestone from its week and target cells or text, the week checked first. */
const milestone = (
  week: unknown,
  target: unknown,
  where: string,
): Milestone => ({
  week: parseWeek(week, where),
  target: parseTarget(target, where),
});

function checked(milestones: Milestone[], where: string): Milestone[] {
  if (milestones.length === 0) {
    throw new InputError(`${where} has no milestones; ${EXAMPLE}`);
  }
  milestones.sort((a, b) => a.week - b.week);
  for (let i = 1; i < milestones.length; i++) {
    if (milestones[i].week === milestones[i - 1].week) {
      throw new InputError(
        `${where} gives week ${milestones[i].week} two targets`,
      );
    }
  }
  return milestones;
}

/** Parses "2:12%, 6:8%, 12:5%" (or "12% by week 2, …"; commas, semicolons or new lines between). */
export function parseMilestones(
  text: string,
  where = 'milestones',
): Milestone[] {
  const parts = text
    .split(/[,;\n]+/)
    .map(p => p.trim())
    .filter(p => p !== '');
  return checked(
    parts.map(part => {
      const weekFirst = WEEK_FIRST.exec(part);
      if (weekFirst) return milestone(weekFirst[1], weekFirst[2], where);
      const targetFirst = TARGET_FIRST.exec(part);
      if (targetFirst) return milestone(targetFirst[2], targetFirst[1], where);
      throw new InputError(
        `${where}: ${show(part)} is not a milestone; ${EXAMPLE}`,
      );
    }),
    where,
  );
}

/**
 * Milestones from a two-column range (week, target); blank rows are skipped
 * and a first row of words (a header such as "Week | Target") is ignored.
 */
export function milestonesFromRows(
  rows: readonly (readonly unknown[])[],
  where = 'milestones',
): Milestone[] {
  const out: Milestone[] = [];
  rows.forEach((row, i) => {
    const [week, target] = [row[0], row[1]];
    if (isBlank(week) && isBlank(target)) return;
    if (
      i === 0 &&
      toNumber(week) === undefined &&
      toNumber(target) === undefined
    ) {
      return;
    }
    if (row.length < 2) {
      throw new InputError(
        `${where}: give two columns, the week and the target`,
      );
    }
    out.push(milestone(week, target, `${where} row ${i + 1}`));
  });
  return checked(out, where);
}

/**
 * The target in force at week `week`: that of the first milestone whose
 * deadline is at or after the week; past the last milestone, the last holds.
 */
export function targetAt(
  milestones: readonly Milestone[],
  week: number,
): number {
  for (const m of milestones) if (m.week >= week) return m.target;
  return milestones[milestones.length - 1].target;
}

/** "2:12%, 6:8%, 12:5%": the text form Settings holds. */
export function formatMilestones(milestones: readonly Milestone[]): string {
  return milestones
    .map(m => `${m.week}:${Number((m.target * 100).toFixed(4))}%`)
    .join(', ');
}
