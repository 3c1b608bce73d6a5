/**
 * The quarters as the wider audiences see them (issue 14 §4, §5): each
 * closed quarter's commit, actual and variance, its miss pattern (against
 * the Plan, or the Commit where no Plan is written) and the trust streak.
 * Names no deal, account or person: the Quarters tab holds none.
 */
import {toNumber, toText} from '../cells';
import {missPattern, trustStreak} from '../miss';

export interface QuarterLine {
  quarter: string;
  commit: number;
  actual: number;
  /** (actual − commit) ÷ commit. */
  variance: number;
  pattern: string;
}

/** The quarters with a Commit and an Actual, oldest first (the tab's order), and the streak. */
export function quarterScorecard(records: readonly Record<string, unknown>[]): {
  quarters: QuarterLine[];
  streak: number;
} {
  const closed = records.flatMap(r => {
    const [commit, actual, plan] = ['Commit', 'Actual', 'Plan'].map(h =>
      toNumber(r[h]),
    );
    return commit && actual !== undefined
      ? [{quarter: toText(r['Quarter']), commit, actual, plan: plan ?? commit}]
      : [];
  });
  const patterns = missPattern(
    closed.map(q => ({bookings: q.actual, plan: q.plan})),
  );
  return {
    quarters: closed.map((q, i) => ({
      quarter: q.quarter,
      commit: q.commit,
      actual: q.actual,
      variance: (q.actual - q.commit) / q.commit,
      pattern: patterns[i],
    })),
    streak: trustStreak(closed),
  };
}
