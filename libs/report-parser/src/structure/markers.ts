/**
 * Every glyph rule in one place: the characters reports start list items with, and how a line's
 * marker is read. Line normalisation, the contents filter, the heading classifier, lists and
 * prose all take their glyphs from here.
 */

/** How a list item is introduced. */
export type MarkerKind = 'bullet' | 'number' | 'letter' | 'roman';

export interface Marker {
  kind: MarkerKind;
  /** The glyph for bullets; the number or letter otherwise. */
  label: string;
  /** Text after the marker (empty when the marker stands alone on its line). */
  rest: string;
}

/**
 * Bullet glyphs: dashes and minus signs, round and square bullets, arrows and ticks. Symbol
 * fonts' private-use bullets are folded to "•" when lines are read (see `isSymbolFontBullet`).
 */
export const BULLET_GLYPHS = '-–—−•▪◼■●◦○∙·*‣⁃□➢➤►✓✔';
/** The glyphs that may sit straight against their text ("•Ensure"); dashes and "*" may not. */
const TIGHT_GLYPHS = '•▪◼■●◦‣➢➤►';

/** A symbol font's bullet, which text layers map into the private use area (U+F0B7). */
export function isSymbolFontBullet(code: number): boolean {
  return code >= 0xf000 && code <= 0xf0ff;
}

const escape = (glyphs: string): string => glyphs.replace(/[-\\\]^*]/g, '\\$&');

/** A line that opens with a bullet glyph. */
export const STARTS_WITH_BULLET = new RegExp(`^[${escape(BULLET_GLYPHS)}]`, 'u');

const BULLET = new RegExp(`^([${escape(BULLET_GLYPHS)}])(?:\\s+|$)(.*)$`, 'u');
const TIGHT_BULLET = new RegExp(`^([${escape(TIGHT_GLYPHS)}])(?=\\p{L})(.*)$`, 'u');
/** Word's Courier "o" sub-bullet survives copy and paste as a plain letter. */
const LETTER_O_BULLET = /^o\s+(\S.*)$/;
// Some producers set the number and the text apart by a tab stop alone, which leaves no space
// in the text layer ("10.Strengthen"): a capital straight after the number counts too.
const NUMBER = /^\(?(\d{1,3})[.)](?:\s+|$|(?=\p{Lu}))(.*)$/u;
/** "Recommendation 3:", "1.2 Ensure…" (a decimal label is followed by a capital). */
const NAMED_NUMBER = /^recommendation\s+(\d{1,3})\s*[.:)–-]?\s+(.*)$/i;
const DECIMAL = /^(\d{1,2}\.\d{1,2})\.?\s+(\p{Lu}.*)$/u;
const ROMAN = /^\(?(i{1,3}|iv|vi{0,3}|ix|x)[.)](?:\s+|$)(.*)$/;
const LETTER = /^\(?([a-z])[.)](?:\s+|$)(.*)$/;
/** A cheap first test: markers start with a glyph, a digit, a bracket, "o" or "recommendation". */
const MAYBE_MARKER = new RegExp(
  `^(?:[${escape(BULLET_GLYPHS)}\\d(]|[a-z][.)]|[ivx]+[.)]|o\\s|recommendation\\s)`,
  'iu',
);

/** Recognises a list marker at the start of a line. */
export function parseMarker(text: string): Marker | null {
  if (!MAYBE_MARKER.test(text)) return null;
  let m = BULLET.exec(text) ?? TIGHT_BULLET.exec(text);
  // Every pattern's groups (label, then rest) are required: a match fills them.
  if (m) return { kind: 'bullet', label: m[1] ?? '', rest: m[2] ?? '' };
  m = NUMBER.exec(text) ?? NAMED_NUMBER.exec(text) ?? DECIMAL.exec(text);
  // "2015." or "10.30" are not markers; NUMBER needs a space or the end after the dot.
  if (m) return { kind: 'number', label: m[1] ?? '', rest: m[2] ?? '' };
  m = ROMAN.exec(text);
  // Bare "i." is read as a letter; roman numerals count when bracketed: "(ii)", "iv)".
  if (m) {
    const label = m[1] ?? '';
    if (text.startsWith('(') || text.charAt(label.length) === ')') {
      return { kind: 'roman', label, rest: m[2] ?? '' };
    }
  }
  m = LETTER.exec(text);
  // "a. " and "I." start sentences too rarely to matter, but a lone capital does not count.
  if (m) return { kind: 'letter', label: m[1] ?? '', rest: m[2] ?? '' };
  m = LETTER_O_BULLET.exec(text);
  if (m) return { kind: 'bullet', label: 'o', rest: m[1] ?? '' };
  return null;
}
