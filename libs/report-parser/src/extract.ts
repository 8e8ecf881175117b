import { ReportInputError } from './errors';
import { extractFacts, mostNamedCouncil } from './facts/document-facts';
import { pdfToPages } from './input/pdf-lines';
import { sniffInput } from './input/sniff';
import { textToPages } from './input/text-lines';
import { removeContents } from './layout/contents';
import { bodySize, removePageFurniture } from './layout/furniture';
import { mendBrokenWords, type Line, type PageLines } from './layout/line';
import { readLimits, refuseTooManyPages, tooMuchText } from './limits';
import { findSuggestions } from './prose/suggestions';
import { Headings } from './structure/headings';
import { findListItems, type RawItem } from './structure/lists';
import { leadInBodies, ownerNames, type PartyNames } from './structure/responsible';
import {
  addDuration,
  findTimescale,
  parseTimescaleHeading,
  type Timescale,
} from './structure/timescale';
import type { DocumentFacts, ExtractionResult, ExtractOptions, Recommendation } from './types';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a report (PDF bytes, or text as bytes or a string) and returns its document facts and
 * every recommendation it lists.
 */
export async function extractReport(
  input: Uint8Array | string,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size === 0) throw new ReportInputError('empty', 'The file is empty.');
  if (size > maxBytes) {
    throw new ReportInputError(
      'too_large',
      `The file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  }
  const limits = readLimits(options);
  const sniffed = sniffInput(input);
  if (sniffed.format === 'text' && textLength(sniffed.lines) > limits.maxChars) {
    throw tooMuchText('This file has', limits.maxChars);
  }
  const pages: PageLines[] =
    sniffed.format === 'pdf' ? await pdfToPages(sniffed.bytes, limits) : textToPages(sniffed.lines);
  while (pages.length > 1 && pages.at(-1)?.lines.length === 0) pages.pop();
  // A PDF's pages were counted before reading; a text's are its form feeds.
  refuseTooManyPages('report', pages.length, limits.maxPages);
  if (pages.every((p) => p.lines.length === 0)) {
    throw new ReportInputError('empty', 'The file has no text in it.');
  }
  return extractFromPages(pages, sniffed.format);
}

function extractFromPages(pages: PageLines[], format: 'pdf' | 'text'): ExtractionResult {
  const lines = removeContents(mendBrokenWords(removePageFurniture(pages, format)));
  const document = extractFacts(
    pages.flatMap((p) => p.lines),
    lines,
    format,
    pages.length,
  );
  const authority = document.authority ?? 'The local authority';
  const names: PartyNames = {
    authority,
    // A local area partnership is the council and the health commissioners together.
    council: /\bpartnership$/i.test(authority)
      ? (mostNamedCouncil(lines.map((l) => l.text).join('\n')) ?? authority)
      : authority,
    board: boardName(lines),
  };
  const layout = new Headings(lines, bodySize(lines));
  const items = findListItems(layout);
  const recommendations = items.map((item, index) =>
    toRecommendation(item, index, document, names),
  );
  return { document, recommendations, suggestions: findSuggestions(layout, recommendations) };
}

function toRecommendation(
  item: RawItem,
  index: number,
  document: DocumentFacts,
  names: PartyNames,
): Recommendation {
  const text = [item.text, ...item.subItems].filter((t) => t.length > 0).join('\n');
  const timescale = itemTimescale(item, text);
  const dueOn =
    timescale?.dueOn ??
    (timescale?.duration && document.publishedOn
      ? addDuration(document.publishedOn, timescale.duration)
      : null);
  return {
    ref: `R${index + 1}`,
    label: item.label,
    text,
    subItems: item.subItems,
    section: item.heading.section,
    theme: item.theme,
    priority: item.heading.priority,
    timescale: timescale?.duration ?? null,
    timescaleText: timescale?.text ?? null,
    dueOn,
    responsible: item.bodies
      ? ownerNames({ kind: 'named', names: [item.bodies] }, names)
      : (leadInBodies(item.text, names) ?? ownerNames(item.owner, names)),
    page: item.page,
  };
}

/**
 * A timescale sub-heading (or a list heading such as "Priority and immediate action") governs
 * its items; otherwise a deadline written into the item counts.
 */
function itemTimescale(item: RawItem, text: string): Timescale | null {
  const { heading } = item;
  if (heading.timescale && item.timescaleHeading === heading.timescaleText) {
    return {
      duration: heading.timescale,
      dueOn: null,
      text: heading.timescaleText ?? heading.section,
    };
  }
  if (item.timescaleHeading) {
    const fromHeading = parseTimescaleHeading(item.timescaleHeading);
    if (fromHeading) return fromHeading;
  }
  return findTimescale(text);
}

/**
 * The board's own name where the report's text gives it ("Stockport Safeguarding Children
 * Board"); a letter's address block and greeting do not count, as they name the addressee.
 */
function boardName(lines: Line[]): string | null {
  const greeting = lines.slice(0, 60).findIndex((l) => /^dear\b/i.test(l.text));
  const counts = new Map<string, number>();
  const re =
    /\b((?:[\p{Lu}][\p{L}'’-]*\s+){1,4})(Local\s+)?(Safeguarding Children(?:['’]s)? (?:Board|Partnership))\b/gu;
  for (const line of lines.slice(greeting + 1)) {
    if (!line.text.includes('Safeguarding Children')) continue;
    for (const m of line.text.matchAll(re)) {
      // Groups 1 and 3 are required: a match fills them.
      const [, words = '', local, body = ''] = m;
      const prefix = words
        .trim()
        .replace(/^(?:The|A|An|Of|This|Each|Local)\s*/u, '')
        .trim();
      if (!prefix || /^(?:The|Local)$/.test(prefix)) continue;
      const name = `${prefix} ${local ?? ''}${body}`.replace(/\s+/g, ' ');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** Characters of a text report as it was sent: its lines and the breaks between them. */
function textLength(lines: readonly string[]): number {
  let length = Math.max(0, lines.length - 1);
  for (const line of lines) length += line.length;
  return length;
}
