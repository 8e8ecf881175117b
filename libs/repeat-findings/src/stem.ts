/**
 * A small English suffix stripper, enough to make "assessments", "assessed" and "assessing" one
 * word, and "supervision" and "supervise" another. Not Porter: no npm stemmer is kept up and
 * CommonJS-friendly here, and inspection recommendations need only the common suffixes. Words
 * of five letters or fewer are left alone, and a stem is never shorter than four letters.
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['isations', ''],
  ['izations', ''],
  ['isation', ''],
  ['ization', ''],
  ['ational', ''],
  ['ations', ''],
  ['ation', ''],
  ['nesses', ''],
  ['ness', ''],
  ['ements', ''],
  ['ement', ''],
  ['ments', ''],
  ['ment', ''],
  ['ities', ''],
  ['ity', ''],
  ['ively', ''],
  ['ive', ''],
  ['ings', ''],
  ['ing', ''],
  ['ions', ''],
  ['ion', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ers', ''],
  ['er', ''],
  ['edly', ''],
  ['ed', ''],
  ['ly', ''],
  ['es', ''],
  ['s', ''],
];

const MIN_STEM = 4;
const VOWELS = /[aeiouy]/;

function stripOnce(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    // "ss" words ("process", "access") keep their s; "es" only after a hiss ("processes").
    if (suffix === 's' && word.endsWith('ss')) return word;
    if (suffix === 'es' && !/(?:ss|x|z|ch|sh)es$/.test(word)) continue;
    const stem = word.slice(0, word.length - suffix.length) + replacement;
    if (stem.length < MIN_STEM || !VOWELS.test(stem)) continue;
    return stem;
  }
  return word;
}

/** The stem of a lower-case word: the same for "assess", "assessed", "assessments". */
export function stem(word: string): string {
  let result = stripOnce(word);
  // A second pass only for an adverb left behind: "timeliness" → "timeli" → "timely" → "time".
  if (result !== word && result.endsWith('i')) result = stripOnce(`${result.slice(0, -1)}y`);
  // "voice" and "voic(es)", "supervise" and "supervis(ion)" meet: a final e carries nothing.
  if (result.endsWith('e') && result.length > MIN_STEM) result = result.slice(0, -1);
  // "planning" → "plann" → "plan"; "ss" and "ll" stay ("assess", "skill").
  if (/([^aeiouslz])\1$/.test(result)) result = result.slice(0, -1);
  return result;
}
