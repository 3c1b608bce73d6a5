/** REINFLATION_CHECK through the bundle: the playbook's case and the rule's edges. */
import {call, column, errorOf} from './sheet';

const CASE_COMMITS = column(33.0e6, 26.5e6, 32.0e6);
const CASE_ACTUALS = column(24.1e6, 28.3e6, 33.7e6);

describe('REINFLATION_CHECK', () => {
  it('on the case: Q2 blank, Q3 OK, Q4 aggressive after one delivered quarter', () => {
    expect(call('REINFLATION_CHECK', CASE_COMMITS, CASE_ACTUALS)).toEqual(
      column('', 'OK', 'AGGRESSIVE TOO SOON: 1 of 2 delivered'),
    );
  });

  it('allows an aggressive commit after two delivered periods in a row', () => {
    // Q5 raises again after Q3 and Q4 both delivered.
    expect(
      call(
        'REINFLATION_CHECK',
        column(...CASE_COMMITS.flat(), 36e6),
        column(...CASE_ACTUALS.flat(), ''),
      ),
    ).toEqual(column('', 'OK', 'AGGRESSIVE TOO SOON: 1 of 2 delivered', 'OK'));
  });

  it('is aggressive only above both the previous commit and the previous actual', () => {
    const commits = column(10, 12, 13, 20);
    const actuals = column(15, 11, 25, 19);
    // 12 is above 10 but not 15; 13 is above 12 and 11; 20 is not above 25.
    expect(call('REINFLATION_CHECK', commits, actuals)).toEqual(
      column('', 'OK', 'AGGRESSIVE TOO SOON: 0 of 2 delivered', 'OK'),
    );
    // Equal to the previous actual is not above it.
    expect(call('REINFLATION_CHECK', column(10, 12), column(12, ''))).toEqual(
      column('', 'OK'),
    );
  });

  it('counts 0 delivered after a miss', () => {
    expect(call('REINFLATION_CHECK', column(10, 11), column(9, ''))).toEqual(
      column('', 'AGGRESSIVE TOO SOON: 0 of 2 delivered'),
    );
  });

  it('judges a commit made before the previous period closed on its commit alone', () => {
    expect(
      call('REINFLATION_CHECK', column(10, 10, 12), column(10, '', '')),
    ).toEqual(column('', 'OK', 'AGGRESSIVE TOO SOON: 0 of 2 delivered'));
  });

  it('leaves rows without a commit blank (whole-column ranges), and follows a row range', () => {
    expect(
      call(
        'REINFLATION_CHECK',
        column(10, '', 12, '', ''),
        column(11, 12, '', '', ''),
      ),
    ).toEqual(column('', '', 'OK', '', ''));
    expect(
      call(
        'REINFLATION_CHECK',
        [[33e6, '26.5M', '$32,000,000']],
        [[24.1e6, 28.3e6, 33.7e6]],
      ),
    ).toEqual([['', 'OK', 'AGGRESSIVE TOO SOON: 1 of 2 delivered']]);
    expect(call('REINFLATION_CHECK', 33e6, 24.1e6)).toBe('');
  });

  it('names the row and value of a bad amount, and refuses ranges that do not match', () => {
    expect(
      errorOf('REINFLATION_CHECK', column(10, 'soon'), column(9, '')).message,
    ).toBe('REINFLATION_CHECK: row 2: commit is "soon", not a number');
    expect(
      errorOf('REINFLATION_CHECK', column(10, 11), column(-9, '')).message,
    ).toBe('REINFLATION_CHECK: row 1: actual is -9, it cannot be negative');
    expect(
      errorOf('REINFLATION_CHECK', column(10, 11), column(9)).message,
    ).toBe(
      'REINFLATION_CHECK: commits has 2 cells but actuals has 1; give ranges of the same size',
    );
    expect(
      errorOf(
        'REINFLATION_CHECK',
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ).message,
    ).toBe('REINFLATION_CHECK: commits must be one column or one row');
  });
});
