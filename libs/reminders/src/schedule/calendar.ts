import {
  COUNCIL_TIME_ZONE,
  daysBetween,
  isoDateOf,
  isWorkingDay,
  shiftDate,
  utcMidnight,
} from '@app/common';

// Day arithmetic lives in @app/common; re-exported because the schedule reads in these terms.
export { daysBetween, shiftDate };

/**
 * Calendar helpers for reminder scheduling. Dates are ISO strings (YYYY-MM-DD) handled as UTC
 * midnights, so day arithmetic never meets a time zone; only `londonInstant` and `londonHour`
 * deal with England's wall clock, and they go through Intl so BST/GMT comes from the tz database.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Monday of the ISO week (Monday to Sunday) that `iso` falls in. */
export function isoWeekMonday(iso: string): string {
  const ms = utcMidnight(iso);
  const daysSinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return isoDateOf(ms - daysSinceMonday * DAY_MS);
}

// The sweep asks about the same few dozen dates for thousands of actions; remembering the answers
// keeps planning cheap. Bounded so a long-running worker cannot grow it without limit.
const CACHE_LIMIT = 20_000;
const workingDays = new Map<string, boolean>();

/** `isWorkingDay` from @app/common, remembered per date. */
export function isWorkingDayCached(iso: string): boolean {
  let working = workingDays.get(iso);
  if (working === undefined) {
    working = isWorkingDay(iso);
    if (workingDays.size >= CACHE_LIMIT) workingDays.clear();
    workingDays.set(iso, working);
  }
  return working;
}

// England never goes more than a long Christmas (four days) without a working day; the bound only
// stops a broken holiday calendar from looping forever.
const MAX_NON_WORKING_RUN = 31;

function nearestWorkingDay(iso: string, step: 1 | -1): string {
  let day = iso;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
    if (isWorkingDayCached(day)) return day;
    day = shiftDate(day, step);
  }
  throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days of ${iso}`);
}

/** `iso` if it is a working day in England, else the last working day before it. */
export function previousWorkingDayOnOrBefore(iso: string): string {
  return nearestWorkingDay(iso, -1);
}

/** `iso` if it is a working day in England, else the first working day after it. */
export function nextWorkingDayOnOrAfter(iso: string): string {
  return nearestWorkingDay(iso, 1);
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNCIL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** England's wall-clock reading at `ms`, as if that reading were a UTC time. */
function londonWallAsUtc(ms: number): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of londonClock.formatToParts(ms)) parts[type] = Number(value);
  // formatToParts always gives every field the formatter asks for; NaN would only mean a bug.
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** How far England's clocks are ahead of UTC at `ms` (0 in GMT, one hour in BST). */
function londonOffset(ms: number): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return londonWallAsUtc(wholeSecond) - wholeSecond;
}

// A formatter for the hour alone: `format` is several times cheaper than `formatToParts`.
const londonHourOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNCIL_TIME_ZONE,
  hourCycle: 'h23',
  hour: '2-digit',
});

/** The hour (0-23) on England's clocks at `at`. */
export function londonHour(at: Date): number {
  return Number(londonHourOnly.format(at));
}

const instants = new Map<string, number>();

/**
 * The first instant at which England's clocks read `hour`:00 or later on `isoDate`. Usually that
 * is simply `hour`:00 London time (08:00 on 1 July 2026 is 07:00Z, on 1 December 08:00Z). The
 * definition settles the two DST edges so it agrees with `londonHour(now) >= hour`: an hour the
 * clocks skip (01:00 on the last Sunday of March) gives the moment they jump, and an hour that
 * happens twice (01:00 on the last Sunday of October) gives its first occurrence.
 */
export function londonInstant(isoDate: string, hour: number): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`Hour must be a whole number 0-23, not ${hour}`);
  }
  const key = `${isoDate}T${hour}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = computeLondonInstant(utcMidnight(isoDate) + hour * HOUR_MS);
    if (instants.size >= CACHE_LIMIT) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** `wall` is the wanted London wall time written as if it were UTC. */
function computeLondonInstant(wall: number): number {
  // Any clock change near the wanted time is within a day of it, so the offsets a day either side
  // are the only two candidates.
  const before = wall - londonOffset(wall - DAY_MS);
  const after = wall - londonOffset(wall + DAY_MS);
  const candidates = before <= after ? [before, after] : [after, before];
  const exact = candidates.find((ms) => londonWallAsUtc(ms) === wall);
  // No exact match: the hour is skipped in spring, and the old offset lands on the jump itself.
  return exact ?? before;
}
