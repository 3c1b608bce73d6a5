/** FORECAST_VARIANCE and FORECAST_BIAS through the bundle. */
import {call, column, day, errorOf} from './sheet';

describe('FORECAST_VARIANCE', () => {
  it('is |closed − committed| ÷ committed for one cell: Q2 $24.1M against $33.0M is 27%', () => {
    expect(call('FORECAST_VARIANCE', 33.0e6, 24.1e6)).toBeCloseTo(0.2697, 4);
  });

  it('gives Q3 6.8% and Q4 5.3% over a column, one result per row', () => {
    const result = call(
      'FORECAST_VARIANCE',
      column(26.5e6, 32.0e6),
      column(28.3e6, 33.7e6),
    ) as number[][];
    expect(result).toHaveLength(2);
    expect(result[0][0]).toBeCloseTo(0.068, 3);
    expect(result[1][0]).toBeCloseTo(0.053, 3);
  });

  it('reads money and percent text, and gives "" for blank rows', () => {
    expect(
      call(
        'FORECAST_VARIANCE',
        column('$1,000', '', 200),
        column('$1,100', 5, ''),
      ),
    ).toEqual([[expect.closeTo(0.1, 10)], [''], ['']]);
  });

  it('is 0 when committed and closed are both 0, an error when only committed is', () => {
    expect(call('FORECAST_VARIANCE', 0, 0)).toBe(0);
    expect(
      errorOf('FORECAST_VARIANCE', column(10, 0), column(5, 3)).message,
    ).toBe(
      'FORECAST_VARIANCE: row 2: committed is 0, so variance is undefined; enter the amount committed at the start of the week',
    );
  });

  it('names the row and the value that is not a number', () => {
    const committed = column(1, 2, 3, 4, 5, 6, 'n/a');
    const closed = column(1, 2, 3, 4, 5, 6, 7);
    expect(errorOf('FORECAST_VARIANCE', committed, closed).message).toBe(
      'FORECAST_VARIANCE: row 7: committed is "n/a", not a number',
    );
  });

  it('refuses booleans, dates, negatives and ranges of different sizes', () => {
    expect(errorOf('FORECAST_VARIANCE', true, 1).message).toBe(
      'FORECAST_VARIANCE: committed is true, not a number',
    );
    expect(errorOf('FORECAST_VARIANCE', 5, day(2026, 1, 1)).message).toBe(
      'FORECAST_VARIANCE: closed is 2026-01-01, not a number',
    );
    expect(errorOf('FORECAST_VARIANCE', -5, 1).message).toMatch(
      /cannot be negative/,
    );
    expect(errorOf('FORECAST_VARIANCE', column(1, 2), column(1)).message).toBe(
      'FORECAST_VARIANCE: closed is 1×1 but committed is 2×1; give ranges of the same size',
    );
  });

  it('errors rather than returning Infinity for a vanishing commit', () => {
    expect(errorOf('FORECAST_VARIANCE', 1e-310, 1e300).message).toBe(
      'FORECAST_VARIANCE: variance is too large to compute',
    );
  });
});

describe('FORECAST_BIAS', () => {
  it('is signed: negative when the forecast was over', () => {
    expect(
      call('FORECAST_BIAS', column(33.0e6, 26.5e6), column(24.1e6, 28.3e6)),
    ).toEqual([[expect.closeTo(-0.2697, 4)], [expect.closeTo(0.0679, 4)]]);
  });
});
