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

const PLAIN = /^[\x20-\x7E]*$/;
const ODD =
  // eslint-disable-next-line no-control-regex -- control characters are what this folds away
  /[\uFFFE\uFB00-\uFB06\u00AD\u200B-\u200D\u2060\uFEFF\uE000-\uF8FF\u0000-\u001F\u007F\u00A0\u2000-\u200A\u202F\u205F\u3000]| {2,}/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

function fold(match: string): string {
  const code = match.charCodeAt(0);
  if (code === 0x20) return ' ';
  // PDFium marks a hyphen that ended a line with U+FFFE; these reports hyphenate only
  // compound words ("well-being"), so the hyphen is real.
  if (code === 0xfffe) return '-';
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

/** Rejoins wrapped lines; a line ending in a hyphenated compound keeps its hyphen. */
export function joinLines(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!out) out = part;
    else if (/\p{L}-$/u.test(out) && /^\p{L}/u.test(part)) out += part;
    else out += ' ' + part;
  }
  return out.trim();
}
