/**
 * The reference case of docs/playbook.md, computed in cells the way an analyst
 * lays it out: Q2 $24.1M against $33.0M is 27%; the weekly variances against
 * the recovery targets; Q3 6.8% and Q4 5.3%; a trust streak of 2 after Q4.
 */
import {call, column} from './sheet';

const pct = (share: unknown) => Math.round(Number(share) * 1000) / 10;

describe('docs/playbook.md reference case', () => {
  const commits = column(33.0e6, 26.5e6, 32.0e6);
  const actuals = column(24.1e6, 28.3e6, 33.7e6);

  it('Q2, Q3 and Q4 variances are 27%, 6.8% and 5.3%', () => {
    const variances = call('FORECAST_VARIANCE', commits, actuals) as number[][];
    expect(variances.map(([v]) => pct(v))).toEqual([27, 6.8, 5.3]);
    expect(call('MISS_HEADLINE', 24.1e6, 33.0e6, 'Q2')).toBe(
      'We finished Q2 at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
    );
  });

  it('weekly variances 31, 24, 19, 11, 7, 5% meet the recovery targets from week 5', () => {
    const weeks = column(1, 2, 3, 4, 5, 6);
    // Committed $10M each week; closed so that the variance is the playbook's.
    const committed = column(10e6, 10e6, 10e6, 10e6, 10e6, 10e6);
    const closed = column(6.9e6, 7.6e6, 8.1e6, 8.9e6, 9.3e6, 9.5e6);
    const variance = call('FORECAST_VARIANCE', committed, closed) as number[][];
    expect(variance.map(([v]) => pct(v))).toEqual([31, 24, 19, 11, 7, 5]);
    expect(call('RECOVERY_TARGET', weeks)).toEqual(
      column(0.12, 0.12, 0.08, 0.08, 0.08, 0.08),
    );
    expect(call('VARIANCE_STATUS', variance, weeks)).toEqual(
      column(
        'OFF TARGET',
        'OFF TARGET',
        'OFF TARGET',
        'OFF TARGET',
        'ON TARGET',
        'ON TARGET',
      ),
    );
  });

  it('the trust streak is 0 after Q2, 1 after Q3 and 2 after Q4', () => {
    const upTo = (n: number) => [commits.slice(0, n), actuals.slice(0, n)];
    expect(call('TRUST_STREAK', ...upTo(1))).toBe(0);
    expect(call('TRUST_STREAK', ...upTo(2))).toBe(1);
    expect(call('TRUST_STREAK', commits, actuals)).toBe(2);
  });
});
