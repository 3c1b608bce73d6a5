/** MISS_TYPE, MISS_HEADLINE, MISS_SPLIT and TRUST_STREAK through the bundle. */
import {call, column, day, errorOf} from './sheet';

describe('MISS_TYPE', () => {
  it('is BEAT at or above plan, SOFT MISS at or above prior, HARD MISS below prior', () => {
    expect(call('MISS_TYPE', column(12, 13, 11, 10, 9, ''), 10, 12)).toEqual(
      column('BEAT', 'BEAT', 'SOFT MISS', 'SOFT MISS', 'HARD MISS', ''),
    );
  });
});

describe('MISS_HEADLINE', () => {
  it('refuses a commit too small to measure against instead of printing "Infinity%"', () => {
    expect(errorOf('MISS_HEADLINE', 100, 1e-310).message).toBe(
      'MISS_HEADLINE: commit is 1e-310, too small to measure 100 against',
    );
    expect(errorOf('MISS_HEADLINE', column(100), column(1e-14)).message).toBe(
      'MISS_HEADLINE: row 1: commit is 1e-14, too small to measure 100 against',
    );
  });

  it('writes the post-mortem sentence of the playbook', () => {
    expect(call('MISS_HEADLINE', 14.2e6, 18.5e6, 'Q3')).toBe(
      'We finished Q3 at $14.2M against a commit of $18.5M. The miss was $4.3M or 23% under.',
    );
  });

  it('says so when the commit was beaten or met', () => {
    expect(call('MISS_HEADLINE', '$28.3M', '$26.5M', 'Q3')).toBe(
      'We finished Q3 at $28.3M against a commit of $26.5M. The beat was $1.8M or 6.8% over.',
    );
    expect(call('MISS_HEADLINE', 500000, 500000, 'March')).toBe(
      'We finished March at $500.0K against a commit of $500.0K. We delivered the commit exactly.',
    );
  });

  it('reads "the quarter" without a period, and takes a column of periods', () => {
    expect(call('MISS_HEADLINE', 24.1e6, 33e6)).toBe(
      'We finished the quarter at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
    );
    expect(
      call(
        'MISS_HEADLINE',
        column(24.1e6, 999960),
        column(33e6, 1e6),
        column('Q2', ''),
      ),
    ).toEqual(
      column(
        'We finished Q2 at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
        'We finished the quarter at $1.0M against a commit of $1.0M. The miss was $40 or <0.1% under.',
      ),
    );
  });

  it('refuses a zero commit, a negative actual and a date for a period', () => {
    expect(errorOf('MISS_HEADLINE', 5, 0).message).toBe(
      'MISS_HEADLINE: commit is 0; a miss is measured against a commit',
    );
    expect(errorOf('MISS_HEADLINE', -5, 10).message).toBe(
      'MISS_HEADLINE: actual is -5, it cannot be negative',
    );
    expect(errorOf('MISS_HEADLINE', 5, 10, day(2026, 9, 30)).message).toMatch(
      /^MISS_HEADLINE: period is .*, a date; name the period instead, e.g. "Q3"$/,
    );
  });
});

describe('MISS_SPLIT', () => {
  it('splits "$2M of the $5M miss" into $3M operational and $2M non-controllable', () => {
    expect(call('MISS_SPLIT', 10e6, 15e6, 2e6)).toEqual([[3e6, 2e6]]);
  });

  it('gives one row per input row, blank rows blank, a beat as no miss', () => {
    expect(
      call(
        'MISS_SPLIT',
        column(10, '', 12),
        column(15, 5, 10),
        column(0, 1, 0),
      ),
    ).toEqual([
      [5, 0],
      ['', ''],
      [0, 0],
    ]);
  });

  it('refuses a non-controllable part larger than the miss', () => {
    expect(errorOf('MISS_SPLIT', 14, 15, 2).message).toBe(
      'MISS_SPLIT: non_controllable (2) is larger than the miss (1); only part of a miss can be non-controllable',
    );
  });
});

describe('TRUST_STREAK', () => {
  it('counts the most recent consecutive delivered periods: 2 after Q4 in the reference case', () => {
    const commits = column(33.0e6, 26.5e6, 32.0e6);
    const actuals = column(24.1e6, 28.3e6, 33.7e6);
    expect(call('TRUST_STREAK', commits, actuals)).toBe(2);
  });

  it('skips trailing blank rows and the period under way', () => {
    expect(
      call(
        'TRUST_STREAK',
        column(10, 10, 10, 12, ''),
        column(11, 9, 10, '', ''),
      ),
    ).toBe(1);
    expect(call('TRUST_STREAK', column(10, ''), column(9, ''))).toBe(0);
  });

  it('refuses a past period missing its commit, and ranges of different sizes', () => {
    expect(
      errorOf('TRUST_STREAK', column(10, '', 10), column(11, 9, 12)).message,
    ).toBe(
      'TRUST_STREAK: row 2: commit is blank; every past period needs both its commit and its actual',
    );
    expect(errorOf('TRUST_STREAK', column(1, 2), column(1)).message).toBe(
      'TRUST_STREAK: commits has 2 cells but actuals has 1; give ranges of the same size',
    );
  });
});
