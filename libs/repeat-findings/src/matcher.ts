import { type Token, tokenise } from './tokenise';

/** A recommendation as the matcher sees it: an id the caller knows it by, and its words. */
export interface MatchText {
  id: string;
  text: string;
}

export interface RepeatCandidate {
  /** The new recommendation. */
  id: string;
  /** The earlier recommendation it likely repeats. */
  earlierId: string;
  /** Cosine similarity of the two TF-IDF vectors, 0 to 1. */
  score: number;
  /** The salient words both share, most telling first, as the new recommendation writes them. */
  sharedWords: string[];
}

export interface MatchOptions {
  /** Scores below this are not proposed. */
  threshold?: number;
  /** At most this many earlier recommendations proposed for each new one, best first. */
  perRecommendation?: number;
  /** Shared words reported per proposal. */
  sharedWords?: number;
}

/**
 * The score from which a pair is proposed: chosen where F1 peaks on the labelled corpus pairs
 * (`npm run eval:repeats` prints the sweep, precision and recall). Proposals are only proposals
 * (a manager confirms or rejects each), so a little recall is worth a little precision.
 */
export const REPEAT_THRESHOLD = 0.275;
export const PROPOSALS_PER_RECOMMENDATION = 3;
const SHARED_WORDS = 5;

interface Vector {
  /** stem → weight, normalised to length 1. */
  weights: Map<string, number>;
  /** stem → the word as first written. */
  words: Map<string, string>;
}

/**
 * Document frequencies over one council's recommendations, earlier and new: a word every
 * report uses for this council ("safeguarding", say) says little; a rare one ("chronologies")
 * says much. Smoothed like scikit-learn's idf, so a word in every document still counts a bit.
 */
export class RepeatIndex {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  add(tokens: readonly Token[]): void {
    this.documents++;
    for (const stem of new Set(tokens.map((token) => token.stem))) {
      this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
    }
  }

  idf(stem: string): number {
    const df = this.documentFrequency.get(stem) ?? 0;
    return Math.log((1 + this.documents) / (1 + df)) + 1;
  }

  vector(tokens: readonly Token[]): Vector {
    const counts = new Map<string, number>();
    const words = new Map<string, string>();
    for (const token of tokens) {
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      if (!words.has(token.stem)) words.set(token.stem, token.word);
    }
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [stem, count] of counts) {
      // Sub-linear term frequency: a word said three times is not three times the subject.
      const weight = (1 + Math.log(count)) * this.idf(stem);
      weights.set(stem, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [stem, weight] of weights) weights.set(stem, weight / norm);
    return { weights, words };
  }
}

function compare(
  a: Vector,
  b: Vector,
  sharedLimit: number,
): { score: number; sharedWords: string[] } {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let score = 0;
  const shared: Array<[stem: string, contribution: number]> = [];
  for (const [stem, weight] of small.weights) {
    const other = large.weights.get(stem);
    if (other === undefined) continue;
    score += weight * other;
    shared.push([stem, weight * other]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  return {
    score,
    sharedWords: shared.slice(0, sharedLimit).map(([stem]) => a.words.get(stem) ?? stem),
  };
}

/**
 * Likely repeats: for each new recommendation, the earlier ones whose salient words overlap
 * most (TF-IDF, cosine), at or above the threshold, best first. Pure: no database, no clock.
 */
export function findRepeats(
  fresh: readonly MatchText[],
  earlier: readonly MatchText[],
  options: MatchOptions = {},
): RepeatCandidate[] {
  const threshold = options.threshold ?? REPEAT_THRESHOLD;
  const limit = options.perRecommendation ?? PROPOSALS_PER_RECOMMENDATION;
  const sharedLimit = options.sharedWords ?? SHARED_WORDS;
  if (fresh.length === 0 || earlier.length === 0) return [];

  const index = new RepeatIndex();
  const freshTokens = fresh.map((item) => tokenise(item.text));
  const earlierTokens = earlier.map((item) => tokenise(item.text));
  for (const tokens of [...freshTokens, ...earlierTokens]) index.add(tokens);
  const earlierVectors = earlierTokens.map((tokens) => index.vector(tokens));

  // stem → (earlier document, weight) for every earlier document holding it: scores are summed
  // along these lists (an inverted index), so a new recommendation costs the length of its
  // words' lists, not a comparison with each of 2,000.
  const postings = new Map<string, Array<readonly [position: number, weight: number]>>();
  earlierVectors.forEach((vector, position) => {
    for (const [stem, weight] of vector.weights) {
      const list = postings.get(stem);
      if (list) list.push([position, weight]);
      else postings.set(stem, [[position, weight]]);
    }
  });

  const found: RepeatCandidate[] = [];
  const scores = new Float64Array(earlier.length);
  fresh.forEach((item, position) => {
    const vector = index.vector(freshTokens[position] ?? []);
    scores.fill(0);
    for (const [stem, weight] of vector.weights) {
      for (const [other, otherWeight] of postings.get(stem) ?? []) {
        scores[other] = (scores[other] ?? 0) + weight * otherWeight;
      }
    }
    const above: Array<[position: number, score: number]> = [];
    scores.forEach((score, other) => {
      if (score >= threshold && earlier[other]?.id !== item.id) above.push([other, score]);
    });
    above.sort(
      (x, y) => y[1] - x[1] || (earlier[x[0]]?.id ?? '').localeCompare(earlier[y[0]]?.id ?? ''),
    );
    for (const [other] of above.slice(0, limit)) {
      const earlierVector = earlierVectors[other];
      const earlierItem = earlier[other];
      if (!earlierVector || !earlierItem) continue;
      const { score, sharedWords } = compare(vector, earlierVector, sharedLimit);
      found.push({ id: item.id, earlierId: earlierItem.id, score, sharedWords });
    }
  });
  return found;
}

/** Every pair's score, thresholds aside: for measuring the matcher, not for proposing. */
export function scorePairs(
  pairs: ReadonlyArray<readonly [string, string]>,
  corpus: readonly string[],
): number[] {
  const index = new RepeatIndex();
  for (const text of corpus) index.add(tokenise(text));
  return pairs.map(
    ([a, b]) => compare(index.vector(tokenise(a)), index.vector(tokenise(b)), 0).score,
  );
}
