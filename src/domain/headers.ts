/**
 * Header matching shared by custom functions and the table layer: case,
 * spaces and punctuation are ignored, so "Close date", "CLOSE_DATE" and
 * "close-date" are one header (docs/workbook.md).
 */

export function headerKey(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Finds each wanted header in a header row, once per call. Returns the
 * column index per wanted name, or -1 when absent.
 */
export function locateColumns<K extends string>(
  headerRow: readonly unknown[],
  wanted: readonly K[],
): Record<K, number> {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const out = {} as Record<K, number>;
  for (const name of wanted) out[name] = index.get(headerKey(name)) ?? -1;
  return out;
}
