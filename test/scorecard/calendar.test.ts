import {
  addDays,
  isoWeekday,
  mondayOf,
  rebuildWeek,
  weekEndingOf,
  weekdayName,
} from '../../src/domain/calendar';

describe('calendar dates in the spreadsheet time zone', () => {
  it('knows the weekday of a date', () => {
    expect(weekdayName('2026-11-20')).toBe('Friday');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('adds days across month, year and the November DST change', () => {
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-01', 7)).toBe('2026-11-08');
  });

  it('finds the week ending (the scorecard day) of any day of the week', () => {
    expect(weekEndingOf('2026-11-16', 'Friday')).toBe('2026-11-20');
    expect(weekEndingOf('2026-11-20', 'Friday')).toBe('2026-11-20');
    expect(weekEndingOf('2026-11-22', 'Friday')).toBe('2026-11-20');
    expect(weekEndingOf('2026-11-23', 'Thursday')).toBe('2026-11-26');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });

  it('counts weeks of the rebuild from Rebuild Start, week 1 being its own week', () => {
    expect(rebuildWeek('2026-10-05', '2026-10-05')).toBe(1);
    expect(rebuildWeek('2026-10-09', '2026-10-05')).toBe(1);
    expect(rebuildWeek('2026-10-12', '2026-10-05')).toBe(2);
    expect(rebuildWeek('2026-11-20', '2026-10-05')).toBe(7);
    expect(rebuildWeek('2026-10-02', '2026-10-05')).toBe(0);
  });

  it('rejects text that is not a calendar date', () => {
    expect(() => addDays('20/11/2026', 1)).toThrow(
      'Not a calendar date: "20/11/2026"',
    );
  });
});
