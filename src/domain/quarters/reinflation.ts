/**
 * The re-inflation guard (issue 13 §2): "never sandbag then re-inflate". A
 * commit is aggressive when it is above both the previous period's commit
 * and its actual; it is too soon unless the two periods before it were
 * delivered (actual ≥ commit).
 */

export interface Period {
  commit?: number;
  actual?: number;
}

/** Delivered periods in a row an aggressive commit needs behind it. */
export const DELIVERED_BEFORE_AGGRESSIVE = 2;

const delivered = (p: Period) =>
  p.commit !== undefined && p.actual !== undefined && p.actual >= p.commit;

/**
 * One verdict per period, oldest first: "" for the first period and for a
 * period without a commit, else "OK" or "AGGRESSIVE TOO SOON: n of 2
 * delivered". A previous period still without its actual is judged on its
 * commit alone (and is not delivered yet); one with neither gives "OK".
 */
export function reinflationChecks(periods: readonly Period[]): string[] {
  return periods.map((period, i) => {
    const commit = period.commit;
    if (i === 0 || commit === undefined) return '';
    const {commit: before, actual} = periods[i - 1];
    const known = [before, actual].filter(v => v !== undefined);
    if (known.length === 0 || known.some(v => commit <= v!)) return 'OK';
    let n = 0;
    while (n < DELIVERED_BEFORE_AGGRESSIVE && i - 1 - n >= 0) {
      if (!delivered(periods[i - 1 - n])) break;
      n++;
    }
    return n < DELIVERED_BEFORE_AGGRESSIVE
      ? `AGGRESSIVE TOO SOON: ${n} of ${DELIVERED_BEFORE_AGGRESSIVE} delivered`
      : 'OK';
  });
}
