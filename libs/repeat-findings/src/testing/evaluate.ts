/** One labelled pair's score, and whether a person judged it a repeat. */
export interface ScoredPair {
  score: number;
  repeat: boolean;
}

export interface Measured {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Precision and recall if pairs scoring at or above `threshold` were proposed. */
export function measureAt(pairs: readonly ScoredPair[], threshold: number): Measured {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of pairs) {
    const proposed = pair.score >= threshold;
    if (proposed && pair.repeat) truePositives++;
    else if (proposed) falsePositives++;
    else if (pair.repeat) falseNegatives++;
  }
  // No proposals at all: precision is undefined; counted as 1 (nothing wrong was proposed).
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1, truePositives, falsePositives, falseNegatives };
}

/** measureAt for thresholds from `from` to `to` by `step`: the sweep a threshold is chosen from. */
export function sweep(
  pairs: readonly ScoredPair[],
  from = 0.05,
  to = 0.6,
  step = 0.025,
): Measured[] {
  const results: Measured[] = [];
  // Counted in whole steps so 0.1 + 0.2 never drifts past `to`.
  for (let i = 0; from + i * step <= to + 1e-9; i++) {
    results.push(measureAt(pairs, Number((from + i * step).toFixed(4))));
  }
  return results;
}

/** The threshold with the best F1 (the lower one on a tie: proposals are checked by a person). */
export function bestByF1(results: readonly Measured[]): Measured | undefined {
  return results.reduce<Measured | undefined>(
    (best, result) => (best === undefined || result.f1 > best.f1 ? result : best),
    undefined,
  );
}
