import { daysBetween, shiftDate, utcMidnight } from './calendar-dates';

describe('calendar dates', () => {
  it('counts calendar days across month ends, leap days and the clocks changing', () => {
    expect(daysBetween('2026-11-30', '2026-12-03')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2026-12-03', '2026-11-30')).toBe(-3);
  });

  it('moves a date by whole days only', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => shiftDate('2026-12-31', 0.5)).toThrow(RangeError);
  });

  it('refuses dates that do not exist', () => {
    expect(() => utcMidnight('2026-02-30')).toThrow('Not an ISO date');
    expect(() => utcMidnight('2026-13-01')).toThrow('Not an ISO date');
    expect(() => utcMidnight('2026-00-10')).toThrow('Not an ISO date');
    expect(() => daysBetween('2026-1-3', '2026-01-04')).toThrow(RangeError);
  });
});
