/**
 * Options before the plan (the CEO–sales-leader action plan): each option
 * scored for impact and effort (1–5), ranked highest impact first, then
 * lowest effort, ties in the order given.
 */

export interface Option {
  option: string;
  impact: number;
  effort: number;
  owner: string;
  chosen: boolean;
}

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** The options ranked; Array.prototype.sort is stable (ES2019), so ties keep their order. */
export function rankOptions(options: readonly Option[]): Option[] {
  return [...options].sort(
    (a, b) => b.impact - a.impact || a.effort - b.effort,
  );
}
