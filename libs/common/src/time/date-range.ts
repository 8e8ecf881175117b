import { isoDateOf } from './calendar-dates';

/**
 * The dates followthrough believes: from 1 January 2000 to ten years after today. Deadlines,
 * list filters and report dates outside it are refused (API, pages) or dropped (import). A
 * deadline of 9999-12-31 once made the reminder schedule throw; nothing anyone means is that far
 * out, and inspection reports older than 2000 are not tracked.
 */
export const EARLIEST_DATE = '2000-01-01';
export const YEARS_AHEAD = 10;

export interface DateRange {
  earliest: string;
  latest: string;
}

/** The believable range on `today` (YYYY-MM-DD, England). 29 February ahead is 28 February. */
export function dateRange(today: string): DateRange {
  // A malformed `today` gives NaN throughout, as it did before: isoDateOf then throws.
  const [year = NaN, month = NaN, day = NaN] = today.split('-').map(Number);
  const target = year + YEARS_AHEAD;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return {
    earliest: EARLIEST_DATE,
    latest: isoDateOf(Date.UTC(target, month - 1, Math.min(day, lastDay))),
  };
}

/** Whether `iso` (YYYY-MM-DD) falls in `dateRange(today)`, both ends included. */
export function isDateInRange(iso: string, today: string): boolean {
  const { earliest, latest } = dateRange(today);
  // Four-digit ISO dates compare as strings.
  return iso >= earliest && iso <= latest;
}

/** The API's words for a date outside the range: `dueOn must be a date from 2000-01-01 to …`. */
export function dateRangeMessage(field: string, today: string): string {
  const { earliest, latest } = dateRange(today);
  return `${field} must be a date from ${earliest} to ${latest}`;
}
