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

const PRIVATE_USE_BULLET = /^[\uF000-\uF0FF]/;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/**
 * Folds the characters PDF producers and word processors scatter through text into what a
 * reader sees: symbol-font bullets become "•", ligatures are split, odd spaces become spaces and
 * invisible characters go. The words themselves (quotes, dashes, hyphens) are kept as written.
 */
export function normaliseText(raw: string): string {
  let text = raw
    // PDFium marks a hyphen that ended a line with U+FFFE; these reports hyphenate only
    // compound words ("well-being"), so the hyphen is real.
    .replace(/\uFFFE/g, '-')
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .trim();
  if (PRIVATE_USE_BULLET.test(text)) text = '•' + text.slice(1);
  return text.replace(PRIVATE_USE, '').replace(/\s+/g, ' ').trim();
}

/** Splits a raw text line into cells at tabs or runs of three or more spaces. */
export function splitCells(raw: string): string[] {
  return raw
    .split(/\t+| {3,}/)
    .map((cell) => normaliseText(cell))
    .filter((cell) => cell.length > 0);
}
