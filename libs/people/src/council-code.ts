// Words that do not tell councils apart ("London Borough of", "City of", "Council").
const GENERIC_WORDS = new Set([
  'the',
  'of',
  'and',
  'london',
  'borough',
  'city',
  'royal',
  'metropolitan',
  'county',
  'district',
  'council',
]);

/** The words of a council's name that tell it apart, lower-case ("tower", "hamlets"). */
export function distinctiveWords(name: string): string[] {
  return (name.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => !GENERIC_WORDS.has(word));
}

/**
 * Whether two names plausibly mean the same authority: the distinctive words of one contain
 * the other's ("Stockport" and "Stockport Metropolitan Borough Council").
 */
export function sameAuthority(a: string, b: string): boolean {
  const [left, right] = [distinctiveWords(a), distinctiveWords(b)];
  if (left.length === 0 || right.length === 0) return true;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.every((word) => longer.includes(word));
}

/**
 * A short code for human references, from the council's name: the first distinctive word's
 * initial and its next consonants ("Stockport Metropolitan Borough Council" → "STK").
 */
export function councilCode(name: string): string {
  const words = name.toUpperCase().match(/[A-Z]+/g) ?? [];
  const word = words.find((w) => !GENERIC_WORDS.has(w.toLowerCase())) ?? words[0] ?? 'X';
  const consonants = word
    .slice(1)
    .replace(/CK/g, 'K')
    .replace(/[AEIOUY]/g, '');
  const code = (word[0] + consonants).slice(0, 3);
  // Short words ("Hull") run out of consonants: pad from the word itself.
  return code.length >= 2 ? code : word.slice(0, 3).padEnd(2, 'X');
}
