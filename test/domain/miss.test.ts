import {
  missHeadline,
  missSplit,
  missType,
  money,
  trustStreak,
} from '../../src/domain/miss';
import {percent} from '../../src/domain/words';

describe('miss arithmetic', () => {
  it('tells soft from hard misses', () => {
    expect(missType(10, 8, 10)).toBe('BEAT');
    expect(missType(9, 9, 10)).toBe('SOFT MISS');
    expect(missType(8.9, 9, 10)).toBe('HARD MISS');
  });

  it('states money the way a post-mortem does', () => {
    expect(money(14.2e6)).toBe('$14.2M');
    expect(money(33e6)).toBe('$33.0M');
    expect(money(999960)).toBe('$1.0M');
    expect(money(850000)).toBe('$850.0K');
    expect(money(920)).toBe('$920');
    expect(money(1.25e9)).toBe('$1.3B');
    expect(percent(0.2324)).toBe('23%');
    expect(percent(0.068)).toBe('6.8%');
    expect(percent(0.05)).toBe('5%');
    expect(percent(0.00001)).toBe('<0.1%');
  });

  it('writes the playbook sentence', () => {
    expect(missHeadline(14.2e6, 18.5e6, 'Q3')).toBe(
      'We finished Q3 at $14.2M against a commit of $18.5M. The miss was $4.3M or 23% under.',
    );
  });

  it('splits a miss and counts a streak', () => {
    expect(missSplit(0, 5, 2)).toEqual([3, 2]);
    expect(missSplit(6, 5, 0)).toEqual([0, 0]);
    expect(trustStreak([])).toBe(0);
    expect(
      trustStreak([
        {commit: 1, actual: 2},
        {commit: 2, actual: 1},
        {commit: 1, actual: 1},
        {commit: 1, actual: 3},
      ]),
    ).toBe(2);
  });
});
