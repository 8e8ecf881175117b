import { lineAt, type Line } from '../layout/line';
import { headingText, isClosingText, sectionKind, type Headings } from '../structure/headings';
import type { Recommendation, Suggestion } from '../types';
import {
  isEvaluative,
  judgeClause,
  MAY_JUDGE,
  mayTurn,
  tokenize,
  type WordList,
  type Verdict,
} from './polarity';
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

/** A suggestion as found, with where it sits, before suggestions are merged and weighed. */
interface Found extends Suggestion {
  paragraph: Paragraph;
  /** Where its text starts and ends in the paragraph. */
  from: number;
  to: number;
  /** The sentence it was found in, and whether the sentence turns back to the one before. */
  sentence: Span;
  /** Its topic words, once asked for. */
  topics?: { text: string; words: Set<string> };
  /** The sentence's words (offsets within the sentence). */
  words: WordList;
}

/**
 * Finds the weaknesses stated in body prose, in document order: each a sentence or its
 * critical clause, consecutive sentences about one weakness merged into one suggestion. Where
 * the report has a list, only weaknesses that no listed item already covers are suggested.
 * `confidence` ranks them: how plainly the text states a weakness, under what heading, and how
 * far it says something the list does not.
 */
export function findSuggestions(layout: Headings, recommendations: Recommendation[]): Suggestion[] {
  const found: Found[] = [];
  const all = paragraphs(layout);
  for (const paragraph of all) {
    if (isClosingText(paragraph.text)) continue;
    let previous: Found | null = null;
    let before: Span | null = null;
    for (const sentence of splitSentences(paragraph.text)) {
      // A sentence with no word that could state a weakness is not read word by word.
      const next = MAY_JUDGE.test(sentence.text) ? judgeSentence(paragraph, sentence) : null;
      if (!next || next.confidence < MIN_CONFIDENCE) {
        previous = null;
        before = sentence;
        continue;
      }
      if (previous && aboutTheSame(previous, next)) {
        merge(previous, next);
      } else {
        // "However, this work is in its infancy." needs the sentence it points back to.
        if (before && next.from === sentence.start && POINTS_BACK.test(sentence.text)) {
          next.from = before.start;
          next.text = paragraph.text.slice(next.from, next.to);
          next.page = pageAt(paragraph, next.from);
        }
        found.push(next);
        previous = next;
      }
      before = sentence;
    }
  }
  if (recommendations.length === 0) return found.map(toSuggestion);

  // With a list: only what no listed item covers, ranked by how much it adds.
  const items = recommendations.map((r) => topicWords(r.text));
  const topics = found.map((f) => topicsOf(f));
  const weight = topicWeights([...items, ...topics]);
  const index = indexItems(items);
  const out: Suggestion[] = [];
  for (const [k, f] of found.entries()) {
    // "As a result, …" alone restates what a weakness leads to, which the list has in hand.
    if (CONSEQUENCE.test(f.text)) continue;
    // topics maps found one to one; topicsOf answers the same cached set in any case.
    const novelty = 1 - coverage(topics[k] ?? topicsOf(f), index, weight);
    if (novelty < 1 - COVERED) continue;
    out.push(toSuggestion({ ...f, confidence: f.confidence * (0.6 + 0.4 * novelty) }));
  }
  return out;
}

function toSuggestion(f: Found): Suggestion {
  return {
    text: f.text,
    section: f.section,
    cue: f.cue,
    confidence: Math.round(Math.max(0.05, Math.min(0.99, f.confidence)) * 100) / 100,
    page: f.page,
  };
}

/** A suggestion is covered when listed items hold this share of what it is about. */
const COVERED = 0.45;

/** A sentence that only says what follows from something else. */
const CONSEQUENCE =
  /^(?:as a result|this means|this has meant|consequently|therefore|this is because)\b/i;

/** Words too common to say what a weakness is about. */
const COMMON = new Set(
  (
    'the a an and or of to in on for with by at from as is are was were be been has have had ' +
    'do does did this that these those it its their they them there which who whom whose what ' +
    'when where how all some many most more very so than such also can could may might will ' +
    'would ensure ensuring make making sure including include includes through across within ' +
    'between other during being about into over under'
  ).split(' '),
);

/** The words that say what a text is about, reduced to a rough stem: not how it is judged. */
function topicWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of tokenize(text).words) {
    const topic = topicOf(word);
    if (topic) words.add(topic);
  }
  return words;
}

/** A word's topic stem, or '' for a word that says nothing of the topic (remembered per word). */
const TOPICS = new Map<string, string>();

function topicOf(word: string): string {
  let topic = TOPICS.get(word);
  if (topic === undefined) {
    topic = word.length < 3 || COMMON.has(word) || isEvaluative(word) ? '' : stem(word);
    // The cache stays small: it is cleared rather than allowed to grow without end.
    if (TOPICS.size > 20000) TOPICS.clear();
    TOPICS.set(word, topic);
  }
  return topic;
}

const SUFFIXES = ['ments', 'ment', 'ness', 'ing', 'ed', 'es', 'ly', 's'];

/** A rough stem: a common ending off, then the first seven letters. */
function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      return word.slice(0, word.length - suffix.length).slice(0, 7);
    }
  }
  return word.slice(0, 7);
}

/**
 * How much each topic word tells weaknesses apart: words in many of the texts compared (the
 * list's items and the suggestions; "children", "leaders", "SEND") tell little, rare ones
 * ("fostering") much.
 */
function topicWeights(texts: Array<Set<string>>): (word: string) => number {
  const df = new Map<string, number>();
  for (const words of texts) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length + 1;
  const weights = new Map<string, number>();
  return (word) => {
    let w = weights.get(word);
    if (w === undefined) {
      w = Math.log(1 + n / (df.get(word) ?? 1));
      weights.set(word, w);
    }
    return w;
  };
}

/** The topic words of a suggestion (remembered: merging and covering both ask). */
function topicsOf(f: Found): Set<string> {
  if (f.topics?.text === f.text) return f.topics.words;
  let words: Set<string>;
  const from = f.from - f.sentence.start;
  const to = f.to - f.sentence.start;
  if (from >= 0 && to <= f.sentence.end - f.sentence.start) {
    // Within its sentence: the words read already.
    words = new Set<string>();
    const list = f.words;
    for (let i = 0; i < list.length; i++) {
      // The word list's arrays are parallel: within its length, never undefined.
      const start = list.starts[i];
      const word = list.words[i];
      if (start === undefined || word === undefined || start >= to) break;
      if (start < from) continue;
      const topic = topicOf(word);
      if (topic) words.add(topic);
    }
  } else {
    words = topicWords(f.text);
  }
  f.topics = { text: f.text, words };
  return words;
}

/** How much of a suggestion the best-matching listed item already holds (0-1), by weight. */
function coverage(words: Set<string>, items: ItemIndex, weigh: (word: string) => number): number {
  let total = 0;
  const shared = new Array<number>(items.count).fill(0);
  for (const w of words) {
    const weight = weigh(w);
    total += weight;
    for (const k of items.byWord.get(w) ?? []) shared[k] = (shared[k] ?? 0) + weight;
  }
  if (total === 0) return 1;
  return Math.max(0, ...shared) / total;
}

/** The listed items' topic words, and for each word the items it is in. */
interface ItemIndex {
  count: number;
  byWord: Map<string, number[]>;
}

function indexItems(items: Array<Set<string>>): ItemIndex {
  const byWord = new Map<string, number[]>();
  items.forEach((words, k) => {
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), k]);
  });
  return { count: items.length, byWord };
}

/** A sentence whose subject is only a pointer to the one before ("However, this work…"). */
const POINTS_BACK =
  /^(?:(?:however|but|yet|although|despite this|even so),?\s+)?(?:this|these|that|those|it|they|such)\b(?!\s+(?:is|are) (?:because|why))/i;

/** Sentences that go on about the weakness before them: a consequence, or the same subject. */
const GOES_ON =
  /^(?:as a result|this means|this has meant|consequently|therefore|this|these|it|they|in addition|also|for example|for instance|in particular)\b/i;

function aboutTheSame(previous: Found, next: Found): boolean {
  if (next.paragraph !== previous.paragraph || next.from < previous.to) return false;
  if (GOES_ON.test(next.sentence.text)) return true;
  const a = topicsOf(previous);
  const b = topicsOf(next);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 2 && shared >= Math.min(a.size, b.size) * 0.4;
}

/** Joins a suggestion to the one before: the text runs on from the first to the second. */
function merge(previous: Found, next: Found): void {
  previous.to = next.to;
  previous.text = previous.paragraph.text.slice(previous.from, next.to);
  previous.confidence = Math.max(previous.confidence, next.confidence);
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
    if (parts.length > 0) result.push(rejoin(layout, parts, pages, section));
    parts = [];
    pages = [];
  };

  for (let i = from; i < to; i++) {
    const line = lineAt(lines, i);
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
    // A page break inside a sentence ("…not always clear from" / "children's records.") does
    // not end its paragraph.
    const runsOn =
      !marker &&
      line.page > (lines[i - 1]?.page ?? line.page) &&
      parts.length > 0 &&
      !/[.!?:]["”’)]?$/.test(parts[parts.length - 1] ?? '');
    if (marker || (line.gapBefore && !runsOn)) flush();
    const text = marker ? marker.rest : line.text;
    if (text) {
      parts.push(text);
      pages.push(line.page);
    }
  }
  flush();
  return result.filter((p) => p.text.length > 0);
}

/** Joins lines as the list parser does: a word broken at a line's end is made whole. */
function rejoin(
  layout: Headings,
  parts: string[],
  pages: number[],
  section: string | null,
): Paragraph {
  let text = '';
  const starts: Paragraph['starts'] = [];
  parts.forEach((part, k) => {
    text = layout.joinTo(text, part);
    // pages has one entry per part, pushed together: never undefined.
    starts.push({ offset: text.length - part.length, page: pages[k] ?? 0 });
  });
  return { text, section, starts };
}

/** In a letter, the body runs from "Dear …" to "Yours sincerely"; elsewhere, everything. */
function letterBody(lines: Line[]): { from: number; to: number } {
  let from = 0;
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    if (/^dear\s+\S/i.test(lineAt(lines, i).text)) {
      from = i + 1;
      break;
    }
  }
  let to = lines.length;
  for (let i = from; i < lines.length; i++) {
    if (/^yours\s+(?:sincerely|faithfully)\b|^kind regards\b/i.test(lineAt(lines, i).text)) {
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
export function contrastSegments(sentence: string, turns = true): Segment[] {
  // Most sentences have no turn in them (the caller knows from their words).
  if (!turns) return [{ start: 0, end: sentence.length }];
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
  /** The sentence's words, if already read: from `first` to `last`, offsets less `base`. */
  list: WordList = tokenize(sentence),
  first = 0,
  last = list.length,
  base = 0,
): {
  text: string;
  start: number;
  verdict: Verdict;
  cueAt: number;
  contrast: boolean;
} | null {
  const segments = contrastSegments(sentence, mayTurn(list, first, last));
  const critical: Array<{ segment: Segment; verdict: Verdict }> = [];
  segments.forEach((segment, k) => {
    const text = sentence.slice(segment.start, segment.end);
    if (segment.start === 0 && segments.length > 1 && OPENING_CONDITION.test(text)) return;
    // "Although X, …", "Despite X, …", "…, although X": X is conceded, so only a word that names
    // a weakness counts there.
    const conceded =
      (k === 0 && segments.length > 1 && OPENING_CONCESSION.test(text)) ||
      (segment.start > 0 && CONCEDING_TURN.test(sentence.slice(0, segment.start)));
    let from = first;
    // Below `last`, within the word list: the defaults never apply.
    while (from < last && (list.starts[from] ?? Infinity) - base < segment.start) from++;
    let to = from;
    while (to < last && (list.ends[to] ?? Infinity) - base <= segment.end) to++;
    const verdict = judgeClause(text, conceded, list, from, to, base + segment.start);
    if (verdict) critical.push({ segment, verdict });
  });
  const [firstCritical] = critical;
  const lastCritical = critical.at(-1);
  if (firstCritical === undefined || lastCritical === undefined) return null;
  const start = firstCritical.segment.start;
  const end = lastCritical.segment.end;
  const best = critical.reduce((a, b) => (b.verdict.strength > a.verdict.strength ? b : a));
  const cueAt = best.segment.start + best.verdict.index;
  const text = sentence.slice(start, end).replace(/[\s,;:–—-]+$/u, '');
  // An elliptical clause ("…, but not all.") only makes sense with the rest of the sentence.
  if (text.split(/\s+/).length < 4) {
    return { text: sentence, start: 0, verdict: best.verdict, cueAt, contrast: false };
  }
  return {
    text,
    start,
    verdict: best.verdict,
    cueAt,
    contrast: start > 0 || end < sentence.length,
  };
}

/** A turn that concedes what follows: "…, although X", "…, despite X". */
const CONCEDING_TURN = /(?:^|[\s,;])(?:although|though|despite|even though|while|whilst)\b,?\s*$/i;

/**
 * Sentences that are not findings: a list's lead-in ("Northvale Constabulary should:", "...
 * should take the following action."), the letter's instruction to send an action plan, and
 * the copyright notice ("provided that it is not altered").
 */
function isNotAFinding(text: string): boolean {
  return (
    /:$/.test(text) ||
    /\bthe following (?:actions?|areas?|steps|recommendations?)\.?$/i.test(text) ||
    /\breuse this\b/i.test(text) ||
    /\b(?:should|must|needs? to|will|is to|are to)$/i.test(text) ||
    (text.includes(' plan') &&
      /\b(?:should|must|is required to) (?:send|submit|prepare|publish|produce) (?:an?|the|its) (?:written )?(?:action|improvement) plan\b/i.test(
        text,
      ))
  );
}

function judgeSentence(paragraph: Paragraph, sentence: Span): Found | null {
  if (isNotAFinding(sentence.text)) return null;
  const words = tokenize(sentence.text);
  const part = criticalPart(sentence.text, words);
  if (!part) return null;
  let confidence = 0.45 + 0.5 * part.verdict.strength;
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
    cue: part.verdict.cue.toLowerCase(),
    confidence: Math.min(0.99, Math.max(0.05, confidence)),
    page: pageAt(paragraph, offset),
    paragraph,
    from: offset,
    to: offset + part.text.length,
    sentence,
    words,
  };
}

/** A quotation opened by a speaker ("…, he said: “We …") or at the start of a paragraph. */
const SPEECH_OPENING =
  /(?:\b(?:said|says|added|adds|commented|told [^"“,.]{1,40}?)[:,]?\s*|^)(["“])/giu;

/** Whether `offset` falls inside quoted speech, as opposed to a phrase quoted from a report. */
export function inSpeech(text: string, offset: number): boolean {
  if (!text.includes('"') && !text.includes('“')) return false;
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
