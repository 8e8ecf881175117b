import Holidays from 'date-holidays';

/**
 * Working days in England: Monday to Friday, less bank holidays (substitute days included).
 * Post-inspection action plans are due a number of working days after publication.
 */

/**
 * Where date-holidays differs from the GOV.UK record of past bank holidays (one-off moves and
 * royal occasions it does not carry). Without these, a plan deadline in those years would be a
 * day early.
 */
const CORRECTIONS: Readonly<Record<number, { add: string[]; remove: string[] }>> = {
  // VE Day 50th: the early May bank holiday moved to 8 May.
  1995: { add: ['1995-05-08'], remove: ['1995-05-01'] },
  // Millennium: an extra bank holiday on Friday 31 December.
  1999: { add: ['1999-12-31'], remove: [] },
  // Golden Jubilee: spring bank holiday moved to 4 June, with 3 June added.
  2002: { add: ['2002-06-03', '2002-06-04'], remove: ['2002-05-27'] },
  // Royal wedding.
  2011: { add: ['2011-04-29'], remove: [] },
  // Diamond Jubilee: spring bank holiday moved to 4 June (5 June the library already has).
  2012: { add: ['2012-06-04'], remove: ['2012-05-28'] },
};

let calendar: Holidays | undefined;
const byYear = new Map<number, ReadonlySet<string>>();

/** England's bank holidays in `year` as ISO dates (computed once per year, then cached). */
export function bankHolidays(year: number): ReadonlySet<string> {
  const cached = byYear.get(year);
  if (cached) return cached;
  calendar ??= new Holidays('GB', 'ENG');
  // Only "public" days are bank holidays; the library also lists observances (Mother's Day).
  const days = new Set(
    calendar
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      // `date` is local wall time, "2023-05-08 00:00:00": the first ten characters are the day.
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  const correction = CORRECTIONS[year];
  if (correction) {
    for (const day of correction.remove) days.delete(day);
    for (const day of correction.add) days.add(day);
  }
  byYear.set(year, days);
  return days;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date as UTC midnight: plain calendar arithmetic, with no time zone or DST to slip on. */
function toUtc(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate);
  const [, year = '', month = '', day = ''] = match ?? [];
  const date = match ? new Date(Date.UTC(+year, +month - 1, +day)) : null;
  if (!date || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  }
  return date;
}

export function isWorkingDay(isoDate: string): boolean {
  const date = toUtc(isoDate);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(date.getUTCFullYear()).has(isoDate);
}

/**
 * The `n`th working day after `isoDate` (the day itself does not count, as in "within 20
 * working days of publication"). `n = 0` gives the date back unchanged.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Working days must be a whole number ≥ 0, not ${n}`);
  }
  const date = toUtc(isoDate);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left--;
  }
  return date.toISOString().slice(0, 10);
}
