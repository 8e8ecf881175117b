import { bankHolidays, isWorkingDay, londonDateOf } from '@app/common';
import {
  daysBetween,
  isoWeekMonday,
  isWorkingDayCached,
  londonHour,
  londonInstant,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  shiftDate,
} from './calendar';

describe('shiftDate', () => {
  it.each([
    ['2026-07-01', 1, '2026-07-02'],
    ['2026-07-31', 1, '2026-08-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    // Over both 2026 clock changes: a day is a day, never 23 or 25 hours.
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-07-01', 0, '2026-07-01'],
    ['2026-07-01', 400, '2027-08-05'],
    ['2026-07-01', -400, '2025-05-27'],
  ])('%s %+d days is %s', (iso, days, expected) => {
    expect(shiftDate(iso, days)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '26-07-01', '2026-07-01T00:00:00Z', ''])(
    'rejects %p',
    (iso) => {
      expect(() => shiftDate(iso, 1)).toThrow(RangeError);
    },
  );

  it('rejects part days', () => {
    expect(() => shiftDate('2026-07-01', 0.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-07-01', '2026-07-01', 0],
    ['2026-07-01', '2026-07-11', 10],
    ['2026-07-11', '2026-07-01', -10],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2025-05-27', '2026-07-01', 400],
  ])('%s to %s is %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of shiftDate', () => {
    for (const days of [-1000, -29, -1, 0, 1, 7, 366, 5000]) {
      expect(daysBetween('2026-03-29', shiftDate('2026-03-29', days))).toBe(days);
    }
  });
});

describe('isoWeekMonday', () => {
  it.each([
    ['2026-06-08', '2026-06-08'], // Monday
    ['2026-06-10', '2026-06-08'], // Wednesday
    ['2026-06-14', '2026-06-08'], // Sunday belongs to the week before
    ['2026-06-15', '2026-06-15'],
    ['2027-01-01', '2026-12-28'], // a Friday whose week began last year
    ['2026-03-29', '2026-03-23'], // the Sunday the clocks go forward
  ])('%s is in the week of %s', (iso, monday) => {
    expect(isoWeekMonday(iso)).toBe(monday);
  });
});

describe('londonInstant', () => {
  it.each([
    // BST (UTC+1) in summer, GMT in winter.
    ['2026-07-01', 8, '2026-07-01T07:00:00.000Z'],
    ['2026-12-01', 8, '2026-12-01T08:00:00.000Z'],
    ['2026-07-01', 0, '2026-06-30T23:00:00.000Z'],
    ['2026-07-01', 23, '2026-07-01T22:00:00.000Z'],
    // The clocks go forward at 01:00 GMT on 29 March 2026.
    ['2026-03-28', 8, '2026-03-28T08:00:00.000Z'],
    ['2026-03-29', 0, '2026-03-29T00:00:00.000Z'],
    ['2026-03-29', 1, '2026-03-29T01:00:00.000Z'], // skipped: the moment of the jump
    ['2026-03-29', 2, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', 8, '2026-03-29T07:00:00.000Z'],
    // ...and back at 02:00 BST on 25 October 2026.
    ['2026-10-24', 8, '2026-10-24T07:00:00.000Z'],
    ['2026-10-25', 0, '2026-10-24T23:00:00.000Z'],
    ['2026-10-25', 1, '2026-10-25T00:00:00.000Z'], // happens twice: the first
    ['2026-10-25', 2, '2026-10-25T02:00:00.000Z'],
    ['2026-10-25', 8, '2026-10-25T08:00:00.000Z'],
  ])('%s at %d:00 in London is %s', (iso, hour, expected) => {
    expect(londonInstant(iso, hour).toISOString()).toBe(expected);
  });

  it('gives a fresh Date each time, so callers cannot corrupt the cache', () => {
    const first = londonInstant('2026-07-01', 8);
    first.setTime(0);
    expect(londonInstant('2026-07-01', 8).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it.each([-1, 24, 8.5])('rejects hour %p', (hour) => {
    expect(() => londonInstant('2026-07-01', hour)).toThrow(RangeError);
  });

  it('rejects a bad date', () => {
    expect(() => londonInstant('2026-02-30', 8)).toThrow(RangeError);
  });

  it('agrees with londonHour every quarter hour around both clock changes', () => {
    // The planner relies on: londonInstant(today, h) <= now exactly when londonHour(now) >= h.
    for (const start of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z']) {
      for (let quarter = 0; quarter < 4 * 72; quarter++) {
        const now = new Date(Date.parse(start) + quarter * 900_000);
        const today = londonDateOf(now);
        for (let hour = 0; hour < 24; hour++) {
          const reached = londonInstant(today, hour).getTime() <= now.getTime();
          expect({ now, hour, reached }).toEqual({ now, hour, reached: londonHour(now) >= hour });
        }
      }
    }
  });
});

describe('londonHour', () => {
  it.each([
    ['2026-07-01T06:59:59Z', 7],
    ['2026-07-01T07:00:00Z', 8],
    ['2026-07-01T23:30:00Z', 0], // already the next day in London
    ['2026-12-01T07:59:59Z', 7],
    ['2026-12-01T08:00:00Z', 8],
    ['2026-12-01T23:30:00Z', 23],
    ['2026-03-29T00:59:59Z', 0],
    ['2026-03-29T01:00:00Z', 2],
    ['2026-10-25T00:30:00Z', 1],
    ['2026-10-25T01:30:00Z', 1],
  ])('%s is hour %d in London', (iso, hour) => {
    expect(londonHour(new Date(iso))).toBe(hour);
  });
});

describe('working days', () => {
  it('knows the 2026 Christmas substitute day', () => {
    // 26 December 2026 is a Saturday, so Boxing Day's holiday moves to Monday 28th.
    const holidays = bankHolidays(2026);
    expect(holidays.has('2026-12-25')).toBe(true);
    expect(holidays.has('2026-12-28')).toBe(true);
    expect(isWorkingDayCached('2026-12-28')).toBe(false);
    expect(isWorkingDayCached('2026-12-29')).toBe(true);
  });

  it('answers as isWorkingDay does, asked repeatedly', () => {
    for (let round = 0; round < 2; round++) {
      for (let day = 0; day < 400; day++) {
        const iso = shiftDate('2026-01-01', day);
        expect([iso, isWorkingDayCached(iso)]).toEqual([iso, isWorkingDay(iso)]);
      }
    }
  });

  it.each([
    ['2026-06-10', '2026-06-10', '2026-06-10'], // a Wednesday is itself
    ['2026-06-13', '2026-06-12', '2026-06-15'], // Saturday
    ['2026-06-14', '2026-06-12', '2026-06-15'], // Sunday
    ['2026-12-25', '2026-12-24', '2026-12-29'], // Christmas to the substitute day
    ['2026-12-28', '2026-12-24', '2026-12-29'],
    ['2026-04-03', '2026-04-02', '2026-04-07'], // Good Friday to Easter Monday
    ['2026-08-31', '2026-08-28', '2026-09-01'], // summer bank holiday
  ])('around %s: previous %s, next %s', (iso, previous, next) => {
    expect(previousWorkingDayOnOrBefore(iso)).toBe(previous);
    expect(nextWorkingDayOnOrAfter(iso)).toBe(next);
  });
});
