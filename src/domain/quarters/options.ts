/**
 * Options before the plan (the CEO–sales-leader action plan): each option
 * scored for impact and effort (1–5), ranked highest impact first, then
 * lowest effort, ties in the order given.
 */

/** Option, Impact, Effort, Owner, Chosen ("YES" or ""): a row of OPTIONS_RANK. */
export type OptionRow = [string, number, number, string, string];

/** The options ranked; Array.prototype.sort is stable (ES2019), so ties keep their order. */
export const rankOptions = (options: OptionRow[]) =>
  options.sort((a, b) => b[1] - a[1] || a[2] - b[2]);
