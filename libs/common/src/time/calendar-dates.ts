/**
 * Calendar dates as ISO strings (YYYY-MM-DD), handled as UTC midnights so day arithmetic never
 * meets a time zone. Plain arithmetic rather than date-fns: list pages call these per row.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date as a UTC-midnight timestamp; throws on anything that is not a real YYYY-MM-DD. */
export function utcMidnight(iso: string): number {
  const match = ISO_DATE.exec(iso);
  // The pattern has three groups, so a match always fills them; the defaults never apply.
  const [, year = '', month = '', day = ''] = match ?? [];
  const ms = match ? Date.UTC(+year, +month - 1, +day) : NaN;
  // Rejects 2026-02-30 and 2026-13-01, which Date.UTC would roll over into the next month.
  const rolledOver =
    match !== null &&
    (new Date(ms).getUTCMonth() !== +month - 1 || new Date(ms).getUTCDate() !== +day);
  if (Number.isNaN(ms) || rolledOver) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  }
  return ms;
}

/** A UTC timestamp's calendar date. */
export function isoDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `iso` moved by `days` calendar days (negative = earlier). */
export function shiftDate(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, not ${days}`);
  return isoDateOf(utcMidnight(iso) + days * DAY_MS);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

// en-GB names, written out: Intl's formatToParts cost a millisecond a date on list pages.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-12-06" → "6 December 2026", or with `weekday` "Sunday 6 December 2026" (GOV.UK style: no
 * commas, no ordinals). Throws on anything that is not a real date.
 */
export function dateInWords(iso: string, { weekday = false } = {}): string {
  const date = new Date(utcMidnight(iso));
  const words = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return weekday ? `${WEEKDAYS[date.getUTCDay()]} ${words}` : words;
}
