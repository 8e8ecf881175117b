import type { DeadlineBasis } from './entities/inspection.entity';
import type { DocumentFacts, Recommendation } from '@app/report-parser';
import { add, type Duration, formatISO, parseISO } from 'date-fns';

/** The council settings that turn a timescale into a draft deadline. */
export interface DeadlineSettings {
  /** Days for an item to do "immediately" (the report's P0D). */
  immediateWindowDays: number;
  /** Months for an item with no timescale. */
  defaultWindowMonths: number;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * A calendar ISO 8601 duration (`P0D`, `P14D`, `P3M`, `P1Y`, `P2W`, `P1Y6M`) as date-fns parts;
 * null for anything else, including a bare `P` and time parts (`PT12H`), which no report sets.
 */
export function parseIsoDuration(value: string): Duration | null {
  const match = ISO_DURATION.exec(value.trim().toUpperCase());
  if (!match || match.slice(1).every((part) => part === undefined)) return null;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, weeks, days };
}

function isZero(duration: Duration): boolean {
  return Object.values(duration).every((part) => part === 0);
}

/** `isoDate` plus `duration`, as an ISO date. Month ends clamp (31 Aug + P6M = 28/29 Feb). */
export function addToDate(isoDate: string, duration: Duration): string {
  return formatISO(add(parseISO(isoDate), duration), { representation: 'date' });
}

/**
 * The draft deadline of an imported recommendation: a fixed date the report sets, as given;
 * "immediately" (P0D), the council's window; another timescale, counted from `countedFrom`; no
 * timescale, the council's default window. The parser's own `dueOn` for a timescale is counted
 * from publication only, so it is recomputed here from `countedFrom`.
 */
export function draftDueOn(
  recommendation: Pick<Recommendation, 'timescale' | 'dueOn'>,
  countedFrom: string,
  settings: DeadlineSettings,
): string {
  const { timescale, dueOn } = recommendation;
  // The parser leaves the timescale null exactly when the report gives a fixed date.
  if (timescale === null && dueOn !== null) return dueOn;
  const duration = timescale === null ? null : parseIsoDuration(timescale);
  if (duration === null) return addToDate(countedFrom, { months: settings.defaultWindowMonths });
  if (isZero(duration)) return addToDate(countedFrom, { days: settings.immediateWindowDays });
  return addToDate(countedFrom, duration);
}

/**
 * What deadlines count from: publication, else the last day of the inspection (ILACS reports
 * give only inspection dates), else the day of import.
 */
export function deadlinesCountedFrom(
  document: Pick<DocumentFacts, 'publishedOn' | 'visitEndedOn'>,
  importedOn: string,
): { countedFrom: string; basis: DeadlineBasis } {
  if (document.publishedOn) return { countedFrom: document.publishedOn, basis: 'published' };
  if (document.visitEndedOn) {
    return { countedFrom: document.visitEndedOn, basis: 'inspection_ended' };
  }
  return { countedFrom: importedOn, basis: 'imported' };
}
