import fc from 'fast-check';
import {
  businessDaysAfter,
  dayNumber,
  olderThanBusinessDays,
  weekdayOf,
} from '../../src/domain/business-days';

const d = (m: number, day: number) => dayNumber(Date.UTC(2026, m - 1, day));

describe('business days', () => {
  it('numbers local calendar days, whatever the time of day', () => {
    expect(dayNumber(Date.UTC(1970, 0, 1))).toBe(0);
    expect(dayNumber(Date.UTC(2026, 10, 20, 23, 59))).toBe(d(11, 20));
    expect(weekdayOf(d(11, 20))).toBe(4); // Friday
    expect(weekdayOf(d(11, 23))).toBe(0); // Monday
  });

  it('counts Monday to Friday after the first day up to the last', () => {
    expect(businessDaysAfter(d(11, 20), d(11, 23))).toBe(1); // Fri → Mon
    expect(businessDaysAfter(d(11, 21), d(11, 22))).toBe(0); // Sat → Sun
    expect(businessDaysAfter(d(11, 6), d(11, 20))).toBe(10);
    expect(businessDaysAfter(d(11, 20), d(11, 6))).toBe(-10);
  });

  it('agrees with counting day by day, across any span and any year', () => {
    fc.assert(
      fc.property(
        fc.integer({min: -40000, max: 40000}),
        fc.integer({min: 0, max: 60}),
        (from, span) => {
          let count = 0;
          for (let day = from + 1; day <= from + span; day++) {
            if (weekdayOf(day) < 5) count++;
          }
          return businessDaysAfter(from, from + span) === count;
        },
      ),
    );
  });

  it('puts the window of the last 10 business days from Friday at the Monday before last', () => {
    expect(olderThanBusinessDays(d(11, 9), d(11, 20), 10)).toBe(false);
    expect(olderThanBusinessDays(d(11, 8), d(11, 20), 10)).toBe(true);
    expect(olderThanBusinessDays(d(11, 14), d(11, 22), 10)).toBe(false);
    expect(olderThanBusinessDays(d(11, 25), d(11, 20), 10)).toBe(false);
  });
});
