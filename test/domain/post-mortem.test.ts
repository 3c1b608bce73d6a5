/** The post-mortem's pure rules: which quarter, which days are in it. */
import {missedQuarter, quarterBefore} from '../../src/domain/post-mortem/draft';

const day = (v: unknown) => (typeof v === 'string' ? v : '');
const row = (rowNumber: number, record: Record<string, unknown>) => ({
  rowNumber,
  record,
});

describe('missedQuarter', () => {
  it('takes the latest quarter by Quarter End whose Actual is below its Commit, whatever the row order', () => {
    const q = missedQuarter(
      [
        row(2, {
          Quarter: 'Q3',
          'Quarter End': '2026-12-31',
          Commit: 26.5e6,
          Actual: 28.3e6,
        }),
        row(3, {
          Quarter: 'Q2',
          'Quarter End': '2026-09-30',
          Commit: '$33.0M',
          Actual: '24.1M',
          'Non-Controllable': '',
        }),
        row(4, {
          Quarter: 'Q1',
          'Quarter End': '2026-06-30',
          Commit: 30e6,
          Actual: 20e6,
        }),
        row(5, {
          Quarter: 'Q4',
          'Quarter End': '2027-03-31',
          Commit: 32e6,
          Actual: '',
        }),
      ],
      day,
    );
    expect(q).toEqual({
      quarter: 'Q2',
      end: '2026-09-30',
      commit: 33e6,
      actual: 24.1e6,
      nonControllable: 0,
    });
  });

  it('is undefined when every closed quarter delivered, and refuses a missed one without a date by its row', () => {
    expect(
      missedQuarter(
        [row(2, {'Quarter End': '2026-09-30', Commit: 1, Actual: 1})],
        day,
      ),
    ).toBeUndefined();
    expect(() =>
      missedQuarter(
        [row(7, {'Quarter End': 'soon', Commit: 2, Actual: 1})],
        () => '',
      ),
    ).toThrow(
      expect.objectContaining({
        row: 7,
        message: 'Quarter End is "soon", not a date',
      }),
    );
  });
});

describe('quarterBefore', () => {
  it('is the last day of the month three months before, across a year end and a leap day', () => {
    expect(quarterBefore('2026-09-30')).toBe('2026-06-30');
    expect(quarterBefore('2027-03-31')).toBe('2026-12-31');
    expect(quarterBefore('2028-05-31')).toBe('2028-02-29');
  });
});
