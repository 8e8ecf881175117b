/** Longest title made from a recommendation; the full text stays on the recommendation. */
export const MAX_TITLE_LENGTH = 120;

/** A sentence ends at . ! or ? followed by space and a capital, digit, quote or bracket. */
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}\d‘“"'(])/u;

/**
 * A draft action's title from its recommendation: the first sentence of the first line (sub-items
 * follow on later lines), capitalised, without the list's trailing punctuation or "and"/"or",
 * cut at a word boundary with "…" past MAX_TITLE_LENGTH characters.
 */
export function actionTitle(text: string, fallback: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  const end = SENTENCE_END.exec(firstLine);
  let title = (end ? firstLine.slice(0, end.index) : firstLine)
    .replace(/\s+/g, ' ')
    .replace(/(?:[\s.;:,]|\b(?:and|or)\b)+$/u, '')
    .trim();
  if (title.length === 0) return fallback;
  title = title.charAt(0).toUpperCase() + title.slice(1);
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const room = title.slice(0, MAX_TITLE_LENGTH); // one character is kept for the ellipsis
  const lastSpace = room.lastIndexOf(' ');
  // A single enormous word has no boundary to cut at: cut it anyway.
  const cut = lastSpace > MAX_TITLE_LENGTH / 2 ? room.slice(0, lastSpace) : room.slice(0, -1);
  return `${cut.replace(/[\s.;:,]+$/u, '')}…`;
}
