import { ReportInputError } from './errors';

/** Most pages read by default: inspection reports run to tens of pages, rarely a hundred. */
export const MAX_PAGES = 500;

/** Most characters of text read by default (spaces aside in a PDF): about 500 dense pages. */
export const MAX_CHARS = 2_000_000;

/** How much of a report is read before it is refused. */
export interface ReadLimits {
  maxPages: number;
  maxChars: number;
}

/** The limits `options` set, defaults for the rest. */
export function readLimits(options: { maxPages?: number; maxChars?: number }): ReadLimits {
  return { maxPages: options.maxPages ?? MAX_PAGES, maxChars: options.maxChars ?? MAX_CHARS };
}

/** 10000 as "10,000", whatever locale data the runtime carries. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Refuses a report of more than `maxPages` pages; `what` is "PDF" or "report". */
export function refuseTooManyPages(what: string, pages: number, maxPages: number): void {
  if (pages <= maxPages) return;
  throw new ReportInputError(
    'too_many_pages',
    `This ${what} has ${formatCount(pages)} pages; followthrough reads reports of up to ${formatCount(maxPages)}.`,
  );
}

/** The refusal for text over `maxChars` characters; `prefix` is e.g. "This PDF has". */
export function tooMuchText(prefix: string, maxChars: number): ReportInputError {
  return new ReportInputError(
    'too_much_text',
    `${prefix} more than ${formatCount(maxChars)} characters of text; followthrough reads reports of up to ${formatCount(maxChars)}.`,
  );
}

/** The refusal for a report that took longer than `timeoutMs` to read. */
export function tooSlow(timeoutMs: number): ReportInputError {
  return new ReportInputError(
    'too_slow',
    `This report took more than ${formatSeconds(timeoutMs)} to read, so followthrough stopped reading it; it may be damaged or built to be slow. Save it again as PDF or as text and try again.`,
  );
}

/** The refusal for a report that needed more than `memoryMb` MB to read. */
export function tooMuchMemory(memoryMb: number): ReportInputError {
  return new ReportInputError(
    'too_much_memory',
    `This report needed more than ${Math.round(memoryMb)} MB of memory to read, so followthrough stopped reading it; it may be damaged or built to exhaust memory. Save it again as PDF or as text and try again.`,
  );
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
