import type { Line } from '../layout/line';
import {
  agencyHeadingSubject,
  headingText,
  isClosingText,
  sectionKind,
  type Headings,
} from '../structure/headings';
import type { Recommendation, Suggestion } from '../types';
import { findCue, readsAsStrength, type CueMatch } from './cues';
import { splitSentences, type Span } from './sentences';

/** Suggestions below this confidence are left out. */
export const MIN_CONFIDENCE = 0.5;

/** A paragraph of body prose with its lines rejoined. */
export interface Paragraph {
  text: string;
  section: string | null;
  /** Where each source line starts in `text`, and its page. */
  starts: Array<{ offset: number; page: number }>;
}

/**
 * Finds the sentences (or critical clauses) of body prose that state a weakness, in document
 * order. `lines` are the document's lines with page furniture removed; sentences inside a
 * recommendation's text are left out, since the list already holds them.
 */
export function findSuggestions(layout: Headings, recommendations: Recommendation[]): Suggestion[] {
  const listed = recommendations.map((r) => normalise(r.text));
  const out: Suggestion[] = [];
  for (const paragraph of paragraphs(layout)) {
    if (isClosingText(paragraph.text)) continue;
    for (const sentence of splitSentences(paragraph.text)) {
      const found = judgeSentence(paragraph, sentence);
      if (!found) continue;
      const key = normalise(sentence.text);
      if (listed.some((item) => item.includes(key) || key.includes(item))) continue;
      if (found.confidence < MIN_CONFIDENCE) continue;
      out.push(found);
    }
  }
  return out;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/**
 * Rejoins body lines into paragraphs. A blank line, a heading or a list marker starts a new
 * paragraph; table rows, the letter's address block and everything from its sign-off are left
 * out, as are bylines and the like.
 */
export function paragraphs(layout: Headings): Paragraph[] {
  const { lines } = layout;
  const { from, to } = letterBody(lines);
  const result: Paragraph[] = [];
  let section: string | null = null;
  // The paragraph being read: its lines' text and pages (empty between paragraphs).
  let parts: string[] = [];
  let pages: number[] = [];

  const flush = (): void => {
    if (parts.length > 0) result.push(rejoin(parts, pages, section));
    parts = [];
    pages = [];
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    const marker = layout.marker(i);
    if (isFurniture(line, marker !== null)) {
      flush();
      continue;
    }
    const graded = layout.gradedHeadingAt(i);
    if (graded) {
      flush();
      section = headingText(graded.text);
      i += graded.lines - 1;
      continue;
    }
    if (layout.isHeadingLike(i) && !/:$/.test(line.text)) {
      flush();
      section = headingText(line.text);
      continue;
    }
    if (marker || line.gapBefore) flush();
    const text = marker ? marker.rest : line.text;
    if (text) {
      parts.push(text);
      pages.push(line.page);
    }
  }
  flush();
  return result.filter((p) => p.text.length > 0);
}

/** Joins lines as the list parser does: a hyphen ending a line keeps its compound whole. */
function rejoin(parts: string[], pages: number[], section: string | null): Paragraph {
  let text = '';
  const starts: Paragraph['starts'] = [];
  parts.forEach((part, k) => {
    if (text && !(/\p{L}-$/u.test(text) && /^\p{L}/u.test(part))) text += ' ';
    starts.push({ offset: text.length, page: pages[k] });
    text += part;
  });
  return { text, section, starts };
}

/** In a letter, the body runs from "Dear …" to "Yours sincerely"; elsewhere, everything. */
function letterBody(lines: Line[]): { from: number; to: number } {
  let from = 0;
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    if (/^dear\s+\S/i.test(lines[i].text)) {
      from = i + 1;
      break;
    }
  }
  let to = lines.length;
  for (let i = from; i < lines.length; i++) {
    if (/^yours\s+(?:sincerely|faithfully)\b|^kind regards\b/i.test(lines[i].text)) {
      to = i;
      break;
    }
  }
  return { from, to };
}

/** Table rows, bylines, datelines and navigation: lines that are never prose. */
function isFurniture(line: Line, marked: boolean): boolean {
  if (line.cells.length > 1 && !marked) return true;
  const t = line.text;
  return (
    t.length < 100 &&
    (/\s\|\s/.test(t) ||
      /^(?:by|published|updated|posted|lead inspector|inspection dates?|report published)\b/i.test(
        t,
      ))
  );
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** A stretch of a sentence between contrast markers, as offsets into the sentence. */
interface Segment {
  start: number;
  end: number;
}

/** "…, but …", "…, although …", "…; however, …", "…, whilst …": the turn in a sentence. */
const INNER_TURN =
  /(?:,\s*|;\s*|\s+)(?:but|although|though|however|despite)\b,?\s*|(?:,|;)\s*(?:while|whilst|yet|nevertheless)\b,?\s*/giu;
/** "Although X, Y" / "Despite this, Y": a concession that opens the sentence. */
const OPENING_CONCESSION =
  /^(?:although|though|while|whilst|despite|even though|notwithstanding)\b/i;
/** "When X do not improve, Y": a condition that opens the sentence states no finding. */
const OPENING_CONDITION = /^(?:when|whenever|if|unless|once|in cases where)\b/i;

/**
 * Splits a sentence into the clauses either side of each contrast. An opening "However," or
 * "But" turns against the previous sentence, so the whole sentence is one clause.
 */
export function contrastSegments(sentence: string): Segment[] {
  const cuts: Array<{ at: number; resume: number }> = [];
  let from = 0;
  if (OPENING_CONCESSION.test(sentence) || OPENING_CONDITION.test(sentence)) {
    const comma = sentence.indexOf(', ');
    if (comma > 0) {
      cuts.push({ at: comma, resume: comma + 2 });
      from = comma + 2;
    }
  }
  INNER_TURN.lastIndex = from;
  for (const m of sentence.slice(from).matchAll(INNER_TURN)) {
    const at = from + m.index;
    if (at === 0) continue;
    cuts.push({ at, resume: at + m[0].length });
  }
  const segments: Segment[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut.at > start) segments.push({ start, end: cut.at });
    start = cut.resume;
  }
  if (start < sentence.length) segments.push({ start, end: sentence.length });
  return segments;
}

/** The critical part of a sentence: its text, cue, and whether a contrast was cut away. */
export function criticalPart(
  sentence: string,
): { text: string; start: number; cue: CueMatch; cueAt: number; contrast: boolean } | null {
  const segments = contrastSegments(sentence);
  const critical: Array<{ segment: Segment; cue: CueMatch }> = [];
  for (const segment of segments) {
    const text = sentence.slice(segment.start, segment.end);
    if (segment.start === 0 && segments.length > 1 && OPENING_CONDITION.test(text)) continue;
    const cue = findCue(text);
    if (cue && !readsAsStrength(text)) critical.push({ segment, cue });
  }
  if (critical.length === 0) return null;
  const start = critical[0].segment.start;
  const end = critical[critical.length - 1].segment.end;
  const best = critical.reduce((a, b) => (b.cue.weight > a.cue.weight ? b : a));
  const text = sentence.slice(start, end).replace(/[\s,;:–—-]+$/u, '');
  // An elliptical clause ("…, but not all.") only makes sense with the rest of the sentence.
  if (text.split(/\s+/).length < 4) {
    return {
      text: sentence,
      start: 0,
      cue: best.cue,
      cueAt: best.segment.start + best.cue.index,
      contrast: false,
    };
  }
  return {
    text,
    start,
    cue: best.cue,
    cueAt: best.segment.start + best.cue.index,
    contrast: start > 0 || end < sentence.length,
  };
}

/**
 * Sentences that are not findings: a list's lead-in ("Northvale Constabulary should:", "...
 * should take the following action."), the letter's instruction to send an action plan, and
 * the copyright notice ("provided that it is not altered").
 */
function isNotAFinding(text: string): boolean {
  return (
    /:$/.test(text) ||
    /\bthe following (?:actions?|areas?|steps|recommendations?)\.?$/i.test(text) ||
    /\breuse this (?:report|publication|document)\b/i.test(text) ||
    /\b(?:should|must|needs? to|will|is to|are to)$/i.test(text) ||
    agencyHeadingSubject(text) !== null ||
    /\b(?:should|must|is required to) (?:send|submit|prepare|publish|produce) (?:an?|the|its) (?:written )?(?:action|improvement) plan\b/i.test(
      text,
    )
  );
}

function judgeSentence(paragraph: Paragraph, sentence: Span): Suggestion | null {
  if (isNotAFinding(sentence.text)) return null;
  const part = criticalPart(sentence.text);
  if (!part) return null;
  let confidence = part.cue.weight;
  const section = paragraph.section;
  const kind = sectionKind(section);
  if (kind === 'weaknesses') confidence += 0.1;
  if (kind === 'strengths') confidence -= 0.2;
  if (part.contrast) confidence += 0.05;
  if (inSpeech(paragraph.text, sentence.start + part.cueAt)) confidence -= 0.4;
  if (/\?$/.test(sentence.text)) confidence -= 0.2;
  const offset = sentence.start + part.start;
  return {
    text: part.text,
    section,
    cue: part.cue.cue,
    confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
    page: pageAt(paragraph, offset),
  };
}

/** A quotation opened by a speaker ("…, he said: “We …") or at the start of a paragraph. */
const SPEECH_OPENING =
  /(?:\b(?:said|says|added|adds|commented|told [^"“,.]{1,40}?)[:,]?\s*|^)(["“])/giu;

/** Whether `offset` falls inside quoted speech, as opposed to a phrase quoted from a report. */
export function inSpeech(text: string, offset: number): boolean {
  for (const m of text.matchAll(SPEECH_OPENING)) {
    const open = m.index + m[0].length;
    if (open > offset) break;
    const close = text.indexOf(m[1] === '“' ? '”' : '"', open);
    if (close === -1 || close >= offset) return true;
  }
  return false;
}

function pageAt(paragraph: Paragraph, offset: number): number {
  let page = paragraph.starts[0]?.page ?? 1;
  for (const start of paragraph.starts) {
    if (start.offset > offset) break;
    page = start.page;
  }
  return page;
}
