import { stem } from './stem';
import { STOP_WORDS } from './stop-words';

/** A salient word: its stem (what is compared) and how it was written (what is shown). */
export interface Token {
  stem: string;
  word: string;
}

/**
 * Phrases the reports write two ways for one thing, made one before splitting: "looked after
 * children" and "children in care" are the same children.
 */
const SAME_THING: ReadonlyArray<readonly [RegExp, string]> = [
  [/\blooked[ -]after\b/g, 'care'],
  [/\bcla\b|\blac\b/g, 'care'],
  [/\bcse\b/g, 'sexual exploitation'],
  [/\blife[ -]story\b/g, 'lifestory'],
  [/\bcare[ -]leavers?\b/g, 'careleaver'],
  [/\bpathway[ -]plans?\b/g, 'pathwayplan'],
  [/\bpersonal advis[eo]rs?\b|\bpas\b/g, 'personaladviser'],
  [/\bcase ?loads?\b/g, 'caseload'],
  [/\bhigh numbers of cases\b|\bcase allocation\b/g, 'caseload'],
  // What children say: "voice", "views", "wishes and feelings" are one thing in these reports.
  [/\bwishes and feelings\b|\bviews\b/g, 'voice'],
  [/\blater[ -]in[ -]life letters?\b|\blater[ -]life letters?\b/g, 'lifestory'],
];

/** "(paragraph 36)", "(paragraphs 33, 130)", "(Outcome 3, national framework)". */
const REFERENCES = /\((?:paragraphs?|outcome)\b[^)]*\)/gi;

const stopStems = new Set([...STOP_WORDS].map(stem));

/** The salient words of a recommendation, in order, boilerplate and function words left out. */
export function tokenise(text: string): Token[] {
  let folded = text
    .replace(REFERENCES, ' ')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    // Possessives: "children's", "carers'".
    .replace(/'s\b|s'(?=\s|$)/g, (match) => (match === "'s" ? '' : 's'));
  for (const [pattern, replacement] of SAME_THING) folded = folded.replace(pattern, replacement);
  const tokens: Token[] = [];
  for (const word of folded.split(/[^a-z]+/)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const stemmed = stem(word);
    if (stopStems.has(stemmed)) continue;
    tokens.push({ stem: stemmed, word });
  }
  return tokens;
}
