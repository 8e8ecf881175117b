import { addDays, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import type { LiveSpan } from '@app/inspections';
import type { SeriesPoint } from '@app/committee-reports';

/** Up to this many days the series has a point a day; beyond, a point a week (or coarser). */
export const DAILY_UP_TO_DAYS = 120;
/** A coarser series keeps to about this many points. */
const MAX_POINTS = 100;

const iso = (date: Date): string => formatISO(date, { representation: 'date' });

/** The dates to count on: every day, or every week for long ranges; always `to` itself. */
export function seriesDates(from: string, to: string): string[] {
  if (to < from) return [to];
  const days = differenceInCalendarDays(parseISO(to), parseISO(from));
  const step = days <= DAILY_UP_TO_DAYS ? 1 : 7 * Math.max(1, Math.ceil(days / (7 * MAX_POINTS)));
  const start = parseISO(from);
  const dates: string[] = [];
  for (let offset = 0; offset < days; offset += step) dates.push(iso(addDays(start, offset)));
  dates.push(to);
  return dates;
}

/**
 * Live actions at the end of each date from `from` to `to`: an action counts on a day when it
 * had been created by then and not yet closed (closed that day means not counted).
 */
export function liveSeries(spans: readonly LiveSpan[], from: string, to: string): SeriesPoint[] {
  return seriesDates(from, to).map((date) => ({
    date,
    value: spans.filter(
      (span) => span.openedOn <= date && (span.closedOn === null || span.closedOn > date),
    ).length,
  }));
}
