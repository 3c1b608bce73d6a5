/**
 * A row's version as the sidebar loaded it: a short hash of the row's values.
 * A write sends it back and is refused when the row now hashes differently,
 * so an edit made in the sheet (or by another sidebar) since loading is never
 * silently overwritten. Dates hash by instant, so realm does not matter.
 */
import {isDate} from '../cells';

function canonical(value: unknown): string {
  if (isDate(value)) return `d${value.getTime()}`;
  if (value === null || value === undefined) return 's';
  return `${typeof value === 'number' ? 'n' : typeof value === 'boolean' ? 'b' : 's'}${String(value)}`;
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible at a workbook's scale. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The version token of one row's values (trailing blanks ignored, so a widened sheet is no change). */
export function rowVersion(values: readonly unknown[]): string {
  const parts = values.map(canonical);
  while (parts.length > 0 && parts[parts.length - 1] === 's') parts.pop();
  return hash53(parts.join('\u0001'));
}

/** The version of sheet row `row` (header in row 1) of a tab's cells as read; '' without a row. */
export const versionAt = (
  cells: readonly (readonly unknown[])[],
  row?: number,
): string => (row === undefined ? '' : rowVersion(cells[row - 1] ?? []));
