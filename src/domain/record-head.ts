/**
 * The record's head: how many Scorecard rows there are, the last one's chain
 * value and week, kept outside the Scorecard. The chain shows a changed row;
 * only the head shows rows deleted from the end (or the whole tab deleted and
 * set up again), since what is left of the chain still verifies.
 */
import type {LocalDate} from './calendar';
import {listed, plural} from './words';

/** A deleted row: its sheet row and its week ending ('' when nothing says). */
export type LostRow = [row: number, week: LocalDate | ''];

export interface RecordHead {
  rows: number;
  chain: string;
  week: LocalDate | '';
  /** Rows found deleted before, kept as evidence after the record moved on: the latest MAX_LOST. */
  lost?: LostRow[];
}

/**
 * Deleted rows the head keeps: the latest, a year of weeks. Each is about 20
 * characters, so the head stays near 1,300, far below the 30,000 a
 * spreadsheet's developer metadata may hold.
 */
export const MAX_LOST = 52;

/** Reads a stored head; undefined when there is none or it is not one. */
export function parseHead(text: string | null): RecordHead | undefined {
  try {
    // null parses to null and '' throws: both end in the catch.
    const head = JSON.parse(text!) as RecordHead;
    return typeof head.rows === 'number' && typeof head.chain === 'string'
      ? head
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rows the head counts that the Scorecard no longer holds, as sheet rows
 * (row 2 is the first): none when the row the head names still ends the
 * record or is followed by later ones. When it was replaced (rows deleted,
 * then others added), the head's own row is named.
 */
export function missingRows(
  head: RecordHead,
  chains: readonly string[],
): number[] {
  const n = chains.length;
  if (!head.rows || (n >= head.rows && chains[head.rows - 1] === head.chain))
    return [];
  const first = Math.min(n, head.rows - 1);
  return Array.from({length: head.rows - first}, (_, i) => first + 2 + i);
}

/** The missing rows with their weeks: the head knows its last week, the Delivery Log the others. */
export function lostRows(
  head: RecordHead,
  missing: readonly number[],
  loggedWeek: (row: number) => LocalDate | undefined,
): LostRow[] {
  return missing.map(row => [
    row,
    row === head.rows + 1 ? head.week : (loggedWeek(row) ?? ''),
  ]);
}

/** Earlier evidence and new, each row once, the latest MAX_LOST. */
export function mergeLost(
  earlier: readonly LostRow[] = [],
  found: readonly LostRow[] = [],
): LostRow[] {
  const byKey = new Map<string, LostRow>();
  for (const lost of [...earlier, ...found]) byKey.set(lost.join('@'), lost);
  return [...byKey.values()].slice(-52); // MAX_LOST, inlined for the bundle
}

/** "1 Scorecard row was deleted from the end of the record: week ending 2026-11-27 (row 3)." */
export function lostMessage(lost: readonly LostRow[]): string {
  const weeks = lost.map(([row, week]) =>
    week
      ? `week ending ${week} (row ${row})`
      : `row ${row} (its week is not in the Delivery Log)`,
  );
  const one = lost.length === 1;
  return `${plural(lost.length, 'Scorecard row')} ${one ? 'was' : 'were'} deleted from the end of the record: ${listed(weeks)}. Restore ${one ? 'it' : 'them'} from the version history (File › Version history) or the CFO's emails of ${one ? 'that week' : 'those weeks'}.`;
}
