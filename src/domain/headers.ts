/**
 * Header matching shared by custom functions and the table layer: case,
 * spaces and punctuation are ignored, so "Close date", "CLOSE_DATE" and
 * "close-date" are one header (docs/workbook.md). A tab's CRM aliases
 * (Salesforce and HubSpot export headers) match the same loose way.
 */
import {InputError} from './input-error';

export function headerKey(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The Salesforce and HubSpot export headers each contract header accepts,
 * by tab (docs/workbook.md, "CRM exports"). Each entry is a list of tiers:
 * the first holds the other spellings of the header itself; a later tier is
 * used only when no column of an earlier one is there (HubSpot's SQL date
 * before its MQL date). Built on use, never at load.
 */
function aliasesOf(tab: string): Record<string, string[][]> {
  const created = [['Created Date', 'Create Date']];
  if (tab === 'Deals')
    return {
      'Deal ID': [['Opportunity ID', 'Record ID']],
      Deal: [['Opportunity Name', 'Deal Name']],
      Owner: [['Opportunity Owner', 'Deal owner']],
      Stage: [['Deal Stage']],
      'Created On': created,
    };
  if (tab === 'Leads')
    return {
      'Lead ID': [['Record ID']],
      'Created On': created,
      Source: [['Lead Source', 'Original Source']],
      'Qualified On': [
        ['Became a Sales Qualified Lead Date'],
        ['Became a Marketing Qualified Lead Date'],
      ],
      'Pipeline On': [['Converted Date', 'Became an Opportunity Date']],
      'Deal ID': [['Converted Opportunity ID', 'Associated Deal']],
    };
  return {};
}

/** Every key a header of a tab answers to: its own and its CRM aliases'. */
export function spellings(tab: string, header: string): string[] {
  return [header, ...(aliasesOf(tab)[header] ?? []).flat()].map(headerKey);
}

/** A1 letters of a column (1 → A, 27 → AA). */
export function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Finds each wanted header in a header row, once per call: by its own name,
 * else by the tab's CRM aliases, tier by tier. Returns the column index per
 * wanted name, or -1 when absent. Two columns answering one wanted header in
 * the same tier (Opportunity ID beside Record ID, or the header twice) is an
 * InputError naming both, since either could be the one meant.
 */
export function locateColumns<K extends string>(
  headerRow: readonly unknown[],
  wanted: readonly K[],
  tab = '',
): Record<K, number> {
  const index = new Map<string, number[]>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (!key) return;
    const at = index.get(key);
    if (at) at.push(i);
    else index.set(key, [i]);
  });
  const aliases = aliasesOf(tab);
  const out = {} as Record<K, number>;
  for (const name of wanted) {
    out[name] = -1;
    const [first = [], ...later] = aliases[name] ?? [];
    for (const names of [[name, ...first], ...later]) {
      const found = names.flatMap(n => index.get(headerKey(n)) ?? []);
      if (found.length > 1) {
        const [a, b] = found.sort((x, y) => x - y);
        const cell = (i: number) =>
          `"${String(headerRow[i]).trim()}" (column ${letters(i + 1)})`;
        throw new InputError(
          `${tab ? `the ${tab} table` : 'the table'} has two columns for "${name}": ${cell(a)} and ${cell(b)}; keep one`,
        );
      }
      if (found.length === 1) {
        out[name] = found[0];
        break;
      }
    }
  }
  return out;
}
