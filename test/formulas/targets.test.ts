/** RECOVERY_TARGET, GATE_TARGET, VARIANCE_STATUS, GATE_STATUS, REBUILD_WEEK through the bundle. */
import {call, column, day, errorOf} from './sheet';

describe('RECOVERY_TARGET', () => {
  it('follows the playbook: weeks 1–2 → 12%, 3–6 → 8%, 7 and later → 5%', () => {
    expect(call('RECOVERY_TARGET', column(1, 2, 3, 6, 7, 12, 13, 52))).toEqual(
      column(0.12, 0.12, 0.08, 0.08, 0.05, 0.05, 0.05, 0.05),
    );
  });

  it('takes milestones as text in either wording', () => {
    expect(call('RECOVERY_TARGET', 3, '1:20%; 4:10%')).toBe(0.1);
    expect(call('RECOVERY_TARGET', 3, '20% by week 1, 10% by week 4')).toBe(
      0.1,
    );
    expect(call('RECOVERY_TARGET', 9, '1:20%, 4:10%')).toBe(0.1);
  });

  it('takes milestones as a two-column range, header row allowed, in any order', () => {
    const range = [
      ['Week', 'Target'],
      [6, 0.08],
      [2, '12%'],
      ['', ''],
    ];
    expect(call('RECOVERY_TARGET', column(1, 5, 9), range)).toEqual(
      column(0.12, 0.08, 0.08),
    );
  });

  it('gives "" for blank weeks and refuses weeks that are not weeks of the rebuild', () => {
    expect(call('RECOVERY_TARGET', column('', 2))).toEqual(column('', 0.12));
    expect(errorOf('RECOVERY_TARGET', column(1, 0)).message).toBe(
      'RECOVERY_TARGET: row 2: week is 0; weeks of the rebuild count 1, 2, 3, …',
    );
    expect(errorOf('RECOVERY_TARGET', 2.5).message).toBe(
      'RECOVERY_TARGET: week is 2.5; weeks of the rebuild count 1, 2, 3, …',
    );
  });

  it('says what is wrong with milestones it cannot read', () => {
    expect(errorOf('RECOVERY_TARGET', 1, '2:12').message).toBe(
      'RECOVERY_TARGET: milestones: target "12" is not a share between 0% and 100% (write 12% or 0.12)',
    );
    expect(errorOf('RECOVERY_TARGET', 1, 'soon').message).toMatch(
      /^RECOVERY_TARGET: milestones: "soon" is not a milestone; write them like "2:12%, 6:8%, 12:5%"/,
    );
    expect(errorOf('RECOVERY_TARGET', 1, '2:12%, 2:10%').message).toBe(
      'RECOVERY_TARGET: milestones gives week 2 two targets',
    );
  });
});

describe('GATE_TARGET', () => {
  it('is 95% in weeks 1–4 and 100% from week 5', () => {
    expect(call('GATE_TARGET', column(1, 4, 5, 8, 20))).toEqual(
      column(0.95, 0.95, 1, 1, 1),
    );
  });
});

describe('VARIANCE_STATUS', () => {
  it('reads the reference rebuild: 31, 24, 19, 11% off target, 7 and 5% on', () => {
    expect(
      call(
        'VARIANCE_STATUS',
        column(0.31, 0.24, 0.19, 0.11, 0.07, 0.05),
        column(1, 2, 3, 4, 5, 6),
      ),
    ).toEqual(
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

  it('counts a variance equal to the target as on target', () => {
    expect(call('VARIANCE_STATUS', '12%', 2)).toBe('ON TARGET');
    expect(call('VARIANCE_STATUS', 0.0801, 3)).toBe('OFF TARGET');
  });
});

describe('GATE_STATUS', () => {
  it('is on target at or above the gate target in force', () => {
    expect(
      call('GATE_STATUS', column(0.95, 0.8, 0.99, 1), column(4, 2, 5, 8)),
    ).toEqual(column('ON TARGET', 'OFF TARGET', 'OFF TARGET', 'ON TARGET'));
  });

  it('refuses a compliance above 100%', () => {
    expect(errorOf('GATE_STATUS', 1.2, 1).message).toBe(
      'GATE_STATUS: compliance is 1.2, not a share between 0% and 100%',
    );
  });
});

describe('REBUILD_WEEK', () => {
  it('gives a whole week, never NaN (Sheets would show #NUM!), for the farthest Dates a script can hold', () => {
    const before = call(
      'REBUILD_WEEK',
      column(new Date(-8.64e15)),
      day(2026, 11, 2),
    ) as number[][];
    const after = call(
      'REBUILD_WEEK',
      day(2026, 11, 2),
      new Date(-8.64e15),
    ) as number;
    expect(Number.isInteger(before[0][0]) && before[0][0] < 0).toBe(true);
    expect(Number.isInteger(after) && after > 0).toBe(true);
  });

  it('counts Monday-to-Sunday weeks from the week of Rebuild Start', () => {
    const start = day(2026, 11, 2); // a Monday
    expect(
      call(
        'REBUILD_WEEK',
        column(
          day(2026, 11, 2),
          day(2026, 11, 8),
          day(2026, 11, 9),
          '2026-11-20',
          day(2026, 10, 30),
        ),
        start,
      ),
    ).toEqual(column(1, 1, 2, 3, 0));
  });

  it('needs a Rebuild Start date', () => {
    expect(errorOf('REBUILD_WEEK', day(2026, 11, 2), '').message).toBe(
      'REBUILD_WEEK: rebuild_start is "", not a date',
    );
  });
});
