import {InputError} from '../../src/domain/input-error';
import {
  GATE_MILESTONES,
  GATE_MILESTONES_TEXT,
  VARIANCE_MILESTONES,
  VARIANCE_MILESTONES_TEXT,
  formatMilestones,
  milestonesFromRows,
  parseMilestones,
  targetAt,
} from '../../src/domain/milestones';

describe('milestones', () => {
  it('default to the playbook, and their text form reads back the same', () => {
    expect(parseMilestones(VARIANCE_MILESTONES_TEXT)).toEqual(
      VARIANCE_MILESTONES,
    );
    expect(parseMilestones(GATE_MILESTONES_TEXT)).toEqual(GATE_MILESTONES);
    expect(formatMilestones(VARIANCE_MILESTONES)).toBe(
      VARIANCE_MILESTONES_TEXT,
    );
  });

  it('put the target in force at the first deadline at or after the week; the last holds for good', () => {
    const weeks = [1, 2, 3, 6, 7, 12, 13, 100];
    expect(weeks.map(w => targetAt(VARIANCE_MILESTONES, w))).toEqual([
      0.12, 0.12, 0.08, 0.08, 0.05, 0.05, 0.05, 0.05,
    ]);
    expect([1, 4, 5, 8, 9].map(w => targetAt(GATE_MILESTONES, w))).toEqual([
      0.95, 0.95, 1, 1, 1,
    ]);
  });

  it('read both wordings, any separator, in any order', () => {
    expect(
      parseMilestones('12% by week 2\n5% by week 12; week 6: 0.08'),
    ).toEqual(VARIANCE_MILESTONES);
  });

  it('read a two-column range with a header row and blank rows', () => {
    expect(
      milestonesFromRows([
        ['Week', 'Target'],
        [4, 0.95],
        ['', ''],
        ['8', '100%'],
      ]),
    ).toEqual(GATE_MILESTONES);
  });

  it('refuse what they cannot read, naming the setting', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(
      error(() => parseMilestones('2:12%, 6:-8%', 'Variance Milestones')),
    ).toBe(
      'Variance Milestones: target "-8%" is not a share between 0% and 100% (write 12% or 0.12)',
    );
    expect(error(() => parseMilestones('0:12%'))).toBe(
      'milestones: week "0" is not a week of the rebuild (1, 2, 3, …)',
    );
    expect(error(() => parseMilestones(' , '))).toMatch(
      /^milestones has no milestones/,
    );
    expect(error(() => milestonesFromRows([[2]]))).toBe(
      'milestones: give two columns, the week and the target',
    );
  });
});
