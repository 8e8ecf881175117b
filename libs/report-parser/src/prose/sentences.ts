/** A sentence of a paragraph, with its place in the paragraph text. */
export interface Span {
  text: string;
  /** Offset of the first character in the paragraph. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Titles and Latin abbreviations whose full stop never ends a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'viz',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'rev',
  'revd',
  'cllr',
  'sr',
  'jr',
  'st',
  'no',
  'nos',
  'para',
  'paras',
  'fig',
  'approx',
  'ref',
  'sgt',
  'insp',
  'supt',
  'ch',
  'vol',
  'p',
  'pp',
]);

/** Abbreviations that may still end a sentence when a capitalised word follows. */
const MAY_END = new Set(['no']);

/** Closing quotes and brackets that may follow a sentence's final stop. */
const CLOSERS = `"'”’)]`;

/** The word before offset `dot` (letters and inner dots), lower-case, without opening marks. */
function wordBefore(text: string, dot: number): string {
  let k = dot;
  while (k > 0 && !/\s/.test(text.charAt(k - 1))) k--;
  return text
    .slice(k, dot)
    .replace(/^[("'“‘[]+/u, '')
    .toLowerCase();
}

function isAbbreviation(text: string, dot: number, next: string): boolean {
  // Abbreviations and initials are short: most words before a full stop are not, and are
  // passed over without being read (this runs at every full stop).
  let k = dot;
  while (k > 0 && dot - k <= 8 && !/\s/.test(text.charAt(k - 1))) k--;
  if (dot - k > 8) return false;
  const word = wordBefore(text, dot);
  if (!word) return false;
  // Initials: "J." or "J.K." (a single capital, or capitals with inner dots).
  const raw = text.slice(dot - word.length, dot);
  if (/^\p{Lu}$/u.test(raw) || /^(?:\p{L}\.)+\p{L}$/u.test(raw)) return true;
  if (!ABBREVIATIONS.has(word)) return false;
  // "No. 4" abbreviates "number"; "There were no." ends a sentence.
  if (MAY_END.has(word)) return raw === 'No' && /\d/.test(next);
  return true;
}

/**
 * Splits a paragraph into sentences at ".", "!" or "?" (with any closing quotes or brackets)
 * followed by a space and a capital, digit or opening quote. Abbreviations ("e.g.", "Dr.",
 * "No. 4"), initials ("J. K. Pryce") and decimals ("2.5") do not end a sentence.
 */
export function splitSentences(paragraph: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = paragraph.length;
  for (let i = 0; i < n; i++) {
    const code = paragraph.charCodeAt(i);
    // . ! ?
    if (code !== 46 && code !== 33 && code !== 63) continue;
    // charAt: the same one-character string as indexing, typed as always there (i, end < n).
    const c = paragraph.charAt(i);
    let end = i + 1;
    while (end < n && (CLOSERS.includes(paragraph.charAt(end)) || paragraph.charCodeAt(end) === 46))
      end++;
    if (end >= n || !isSpace(paragraph.charCodeAt(end))) continue;
    let next = end;
    while (next < n && isSpace(paragraph.charCodeAt(next))) next++;
    if (next >= n) break;
    const following = paragraph.charAt(next);
    if (!/[\p{Lu}\d"'“‘(]/u.test(following)) continue;
    if (c === '.' && isAbbreviation(paragraph, i, following)) continue;
    push(spans, paragraph, start, end);
    start = next;
    i = next - 1;
  }
  push(spans, paragraph, start, n);
  return spans;
}

/** A space, tab or line break (the text is normalised; other spaces were folded already). */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function push(spans: Span[], paragraph: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(paragraph.charAt(a))) a++;
  while (b > a && /\s/.test(paragraph.charAt(b - 1))) b--;
  if (b > a) spans.push({ text: paragraph.slice(a, b), start: a, end: b });
}
