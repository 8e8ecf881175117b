import { isSymbolFontBullet } from '../structure/markers';

/**
 * One visual line of a report, whatever the input format. PDF lines carry position and type
 * style; text lines carry indentation only, so every rule that uses style must also work
 * without it.
 */
export interface Line {
  /** Normalised text: trimmed, whitespace runs folded to one space. */
  text: string;
  /** Column cells where the source shows a wide gap (tabs or runs of spaces in text input). */
  cells: string[];
  /** Where each cell starts, in the units of `x`. */
  cellX: number[];
  /** 1-based page. */
  page: number;
  /** Left edge: PDF points, or for text the indentation in columns times TEXT_COLUMN_WIDTH. */
  x: number;
  /** Top-down position on the page: PDF points, or the line number for text. */
  y: number;
  /** Effective font size in points (PDF only). */
  size: number | null;
  /** Whether the line is set in a bold face (PDF only). */
  bold: boolean | null;
  /** A blank line or a paragraph-sized vertical gap precedes this line. */
  gapBefore: boolean;
}

/** Text indentation is measured in columns; this makes it comparable to points. */
export const TEXT_COLUMN_WIDTH = 6;

export interface PageLines {
  page: number;
  /** Page height in points (PDF) or the number of lines on the page (text). */
  height: number;
  lines: Line[];
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** A hyphen where a line broke, pending a decision on whether it belongs to the word. */
export const BROKEN_HYPHEN = '\u2010';

const PLAIN = /^[\x20-\x7E]*$/;
const ODD =
  // eslint-disable-next-line no-control-regex -- control characters are what this folds away
  /[\uFFFE\uFB00-\uFB06\u00AD\u200B-\u200D\u2060\uFEFF\uE000-\uF8FF\u0000-\u001F\u007F\u00A0\u2000-\u200A\u202F\u205F\u3000]| {2,}/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

function fold(match: string): string {
  const code = match.charCodeAt(0);
  if (code === 0x20) return ' ';
  // PDFium marks a hyphen that ended a line with U+FFFE, and joins the line to the next. It
  // becomes U+2010 until the whole document is read: most are compounds ("well-being"), some
  // break a word ("incon-sistent"), and the document's own words tell which (`mendBrokenWords`).
  if (code === 0xfffe) return BROKEN_HYPHEN;
  if (code >= 0xfb00 && code <= 0xfb06) return LIGATURES[match] ?? match;
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) {
    return '';
  }
  // Symbol-font bullets map into the private use area; keep them for the check below.
  if (code >= 0xe000 && code <= 0xf8ff) return match;
  return ' ';
}

/**
 * Folds the characters PDF producers and word processors scatter through text into what a
 * reader sees: symbol-font bullets become "•", ligatures are split, odd spaces become spaces and
 * invisible characters go. The words themselves (quotes, dashes, hyphens) are kept as written.
 */
export function normaliseText(raw: string): string {
  if (PLAIN.test(raw)) {
    const trimmed = raw.trim();
    return trimmed.includes('  ') ? trimmed.replace(/ {2,}/g, ' ') : trimmed;
  }
  let text = raw.replace(ODD, fold).trim();
  if (isSymbolFontBullet(text.charCodeAt(0))) text = '•' + text.slice(1);
  text = text.replace(PRIVATE_USE, '');
  return text.includes('  ') ? text.replace(/ {2,}/g, ' ').trim() : text.trim();
}

/**
 * Splits a raw text line into cells at tabs or runs of three or more spaces, with the column
 * each starts at (a tab counts as `tabColumns`).
 */
export function splitCells(raw: string, tabColumns = 4): { cells: string[]; columns: number[] } {
  const cells: string[] = [];
  const columns: number[] = [];
  let column = 0;
  for (const part of raw.split(/(\t+| {3,})/)) {
    if (/^(?:\t+| {3,})$/.test(part)) {
      column += part[0] === '\t' ? part.length * tabColumns : part.length;
      continue;
    }
    const lead = /^\s*/.exec(part)?.[0].length ?? 0;
    const cell = normaliseText(part);
    if (cell.length > 0) {
      cells.push(cell);
      columns.push(column + lead);
    }
    column += part.length;
  }
  return { cells, columns };
}

/**
 * First parts of the compounds reports hyphenate ("multi-agency", "well-being"): a line that
 * ends in one of these and a hyphen keeps the hyphen when it is rejoined.
 */
const COMPOUND_HEAD =
  /^(?:multi|well|self|non|co|cross|long|short|full|part|high|low|early|pre|post|re|sub|inter|over|under|out|up|of|to|in|on|mid|step|follow|front|face|decision|child|children|family|young|life|case|team|court|school|home|half|day|risk|age|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/i;
/** Second parts that are words of their own ("-being", "-making", "-based"). */
const COMPOUND_TAIL =
  /^(?:being|making|term|based|led|focused|focussed|wide|level|up|out|in|on|by|to|down|around|agency|agencies|date|quality|time|going|centred|informed|year|years|month|months|week|weeks|day|days|aged|specific|olds?|sharing|gathering|taking|standing|house|order|group|groups|safety)$/i;

/** Whether a word broken at a line's end ("multi-" / "agency") keeps its hyphen when mended. */
/** The document's words, or a way to get them when first needed. */
export type Words = ReadonlySet<string> | (() => ReadonlySet<string>);

function keepsHyphen(head: string, tail: string, known?: Words): boolean {
  const words = typeof known === 'function' ? known() : known;
  const whole = (head + tail).toLowerCase();
  if (words?.has(`${head}-${tail}`.toLowerCase())) return true;
  if (words?.has(whole)) return false;
  return (
    COMPOUND_HEAD.test(head) ||
    /^\p{Lu}{2,}$/u.test(head) ||
    COMPOUND_TAIL.test(tail) ||
    /^[\p{Lu}\d]/u.test(tail) ||
    (words?.has(tail.toLowerCase()) ?? false)
  );
}

/**
 * Joins the end of one line to the next. A word broken by a hyphen at the end of a line
 * ("incon-" / "sistent") is rejoined without it; a compound ("multi-" / "agency") keeps it.
 * `words` (the document's own words, lower-case) settles a case seen elsewhere.
 */
export function joinPair(out: string, part: string, words?: Words): string {
  // Most lines do not end in a hyphen: only those need the words.
  if (out.charCodeAt(out.length - 1) !== 45) return `${out} ${part}`;
  const head = /(\p{L}+|\d+)-$/u.exec(out);
  const tail = /^\p{L}+/u.exec(part);
  // head's group is required: a match fills it.
  if (head?.[1] === undefined || !tail) return `${out} ${part}`;
  return keepsHyphen(head[1], tail[0], words) ? out + part : out.slice(0, -1) + part;
}

/** Rejoins wrapped lines; a word broken at a line's end is made whole again (see joinPair). */
export function joinLines(parts: string[], words?: Words): string {
  let out = '';
  for (const part of parts) out = out ? joinPair(out, part, words) : part;
  return out.trim();
}

/**
 * The words of a document, lower-case, as its lines give them (for rejoining broken words):
 * the pieces of a word broken at a line's end are not words of their own.
 */
export function vocabulary(lines: Line[]): Set<string> {
  const words = new Set<string>();
  let brokeBefore = false;
  for (const line of lines) {
    const text = line.text;
    // (Latin letters without the Unicode flag: this reads every line of a long report.)
    for (const m of text.matchAll(/[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*/g)) {
      const end = m.index + m[0].length;
      const piece =
        (m.index === 0 && brokeBefore) ||
        text[m.index - 1] === BROKEN_HYPHEN ||
        text[end] === BROKEN_HYPHEN ||
        (text[end] === '-' && end + 1 === text.length);
      if (!piece) words.add(m[0].toLowerCase());
    }
    brokeBefore = /\p{L}-$/u.test(text);
  }
  return words;
}

const BROKEN = /(\p{L}+|\d+)\u2010(\p{L}+)/gu;

/** Mends the words PDFium joined across a line break (see BROKEN_HYPHEN), by the document's words. */
export function mendBrokenWords(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.includes(BROKEN_HYPHEN))) return lines;
  const words = vocabulary(lines);
  const mend = (text: string): string =>
    text
      .replace(BROKEN, (_, head: string, tail: string) =>
        keepsHyphen(head, tail, words) ? `${head}-${tail}` : head + tail,
      )
      .replaceAll(BROKEN_HYPHEN, '-');
  return lines.map((line) =>
    line.text.includes(BROKEN_HYPHEN)
      ? { ...line, text: mend(line.text), cells: line.cells.map(mend) }
      : line,
  );
}

/**
 * The line at `index`, for callers that only ask for indices inside `lines`. Past the end it
 * throws, as reading a property of the missing line would have: a bug, not a report's quirk.
 */
export function lineAt(lines: readonly Line[], index: number): Line {
  const line = lines[index];
  if (line === undefined) throw new RangeError(`No line ${index} (of ${lines.length})`);
  return line;
}
