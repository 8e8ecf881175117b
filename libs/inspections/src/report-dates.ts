import { EARLIEST_DATE, isDateInRange } from '@app/common';
import { formatLongDate } from '@app/mail';
import type { DocumentFacts, Recommendation } from '@app/report-parser';
import type { DeadlineBasis } from './entities/inspection.entity';
import { type DeadlineSettings, draftDueOn } from './draft-deadline';

/**
 * What an import does with dates it cannot believe. A misread or mistyped year (a "Published:
 * 1 March 2099", a "by 31 March 9999") would otherwise become the inspection's dates and every
 * draft deadline counted from them, and a deadline thousands of years out once stopped the
 * reminder sweep. The import goes ahead, the date is left out, and the answer's notice says
 * which and why, so a person checks the report:
 *
 * - the publication date and the inspection days must fall from 2000-01-01 to the day of
 *   import (a report is not published, nor a visit made, after it is imported); one outside is
 *   stored as unknown, and deadlines count from the next basis (the last inspection day, then
 *   the import date);
 * - a recommendation's draft deadline must fall in the range every deadline has (2000 to ten
 *   years after today); one outside (a fixed date as given, or a timescale too long) gets the
 *   council's default window instead, and the recommendation keeps its words but no due date.
 */

type ReportDateField = 'publishedOn' | 'visitStartedOn' | 'visitEndedOn';
export type ReportDates = Pick<DocumentFacts, ReportDateField>;

const FIELD_WORDS: Record<ReportDateField, string> = {
  publishedOn: 'publication date',
  visitStartedOn: 'first inspection day',
  visitEndedOn: 'last inspection day',
};

const BASIS_WORDS: Record<DeadlineBasis, string> = {
  published: 'the publication date',
  inspection_ended: 'the last inspection day',
  imported: 'the day of import',
};

export interface BelievedDates {
  dates: ReportDates;
  /** What was left out, in words for the notice ("publication date Monday 1 March 2099"). */
  dropped: string[];
}

/** The report's own dates, each kept only if it falls from 2000-01-01 to `importedOn`. */
export function believableReportDates(document: ReportDates, importedOn: string): BelievedDates {
  const dates: ReportDates = { ...document };
  const dropped: string[] = [];
  for (const field of Object.keys(FIELD_WORDS) as ReportDateField[]) {
    const value = document[field];
    if (value === null || (value >= EARLIEST_DATE && value <= importedOn)) continue;
    dates[field] = null;
    const why = value < EARLIEST_DATE ? 'before 2000' : 'after the day of import';
    dropped.push(`${FIELD_WORDS[field]} (${formatLongDate(value)}, ${why})`);
  }
  return { dates, dropped };
}

/** The notice for left-out report dates, naming what deadlines count from instead. */
export function droppedDatesNotice(dropped: readonly string[], basis: DeadlineBasis): string {
  const one = dropped.length === 1;
  return `The report's ${listWords(dropped)} cannot be right, so ${one ? 'it was' : 'they were'} left out and deadlines count from ${BASIS_WORDS[basis]}: check the report's dates.`;
}

export interface DraftDeadline {
  /** The recommendation's due date to store: the parser's, or null when it was not believable. */
  recommendationDueOn: string | null;
  dueOn: string;
  /** Whether the report's own deadline was set aside for the council's default window. */
  replaced: boolean;
}

/**
 * The draft deadline of an imported recommendation, kept in the range every deadline has.
 * `publishedOn` is the publication date as believed: the parser counts a timescale's due date
 * from the one it read, which means nothing once that date is left out.
 */
export function believableDraftDeadline(
  recommendation: Pick<Recommendation, 'timescale' | 'dueOn'>,
  dates: { countedFrom: string; publishedOn: string | null; today: string },
  settings: DeadlineSettings,
): DraftDeadline {
  const { countedFrom, publishedOn, today } = dates;
  const fromDroppedDate = recommendation.timescale !== null && publishedOn === null;
  const recommendationDueOn =
    recommendation.dueOn !== null && !fromDroppedDate && isDateInRange(recommendation.dueOn, today)
      ? recommendation.dueOn
      : null;
  const dueOn = draftDueOn(recommendation, countedFrom, settings);
  if (isDateInRange(dueOn, today)) return { recommendationDueOn, dueOn, replaced: false };
  // The council's window from a believable basis is always in range.
  return {
    recommendationDueOn,
    dueOn: draftDueOn({ timescale: null, dueOn: null }, countedFrom, settings),
    replaced: true,
  };
}

/** The notice for recommendations whose deadline was set aside. */
export function replacedDeadlinesNotice(refs: readonly string[]): string {
  const one = refs.length === 1;
  return `The report's deadline${one ? '' : 's'} for ${listWords(refs)} ${one ? 'is' : 'are'} before 2000 or more than ten years ahead, so ${one ? 'its draft action has' : 'their draft actions have'} the council's default deadline instead: check ${one ? 'it' : 'them'}.`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
