import type { ExtractionResult, Recommendation } from '@app/report-parser';

/**
 * An expected extraction, in the format of ../shared/corpus/*.expected.json (see its README),
 * with optional extra keys our own fixtures use.
 */
export interface ExpectedExtraction extends ExpectedSuggestions {
  file: string;
  document: {
    kind?: string;
    authority_contains?: string;
    publishedOn?: string | null;
    visitStartedOn?: string | null;
    visitEndedOn?: string | null;
    inspectorate?: string | null;
    title_contains?: string;
  };
  recommendations: ExpectedRecommendation[];
}

export interface ExpectedRecommendation {
  contains: string;
  timescale?: string | null;
  priority?: string;
  responsible_contains?: string[];
  section?: string;
  dueOn?: string | null;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function describe(r: Recommendation | undefined): string {
  return r ? `${r.ref} "${r.text.slice(0, 70)}…"` : '(none)';
}

/**
 * Compares an extraction with what is expected, by the corpus README's rules, and lists every
 * difference (an empty list means the extraction is right).
 */
export function differences(result: ExtractionResult, expected: ExpectedExtraction): string[] {
  const out: string[] = [];
  const doc = expected.document;
  const actual = result.document;
  if (doc.kind !== undefined && actual.kind !== doc.kind) {
    out.push(`document.kind: expected ${doc.kind}, got ${actual.kind}`);
  }
  if (
    doc.authority_contains !== undefined &&
    !fold(actual.authority ?? '').includes(fold(doc.authority_contains))
  ) {
    out.push(
      `document.authority: expected to contain "${doc.authority_contains}", got "${actual.authority}"`,
    );
  }
  for (const key of ['publishedOn', 'visitStartedOn', 'visitEndedOn', 'inspectorate'] as const) {
    if (doc[key] !== undefined && actual[key] !== doc[key]) {
      out.push(`document.${key}: expected ${doc[key]}, got ${actual[key]}`);
    }
  }
  if (
    doc.title_contains !== undefined &&
    !fold(actual.title ?? '').includes(fold(doc.title_contains))
  ) {
    out.push(`document.title: expected to contain "${doc.title_contains}", got "${actual.title}"`);
  }

  const recs = result.recommendations;
  if (recs.length !== expected.recommendations.length) {
    out.push(`recommendations: expected ${expected.recommendations.length}, got ${recs.length}`);
  }
  expected.recommendations.forEach((want, i) => {
    const got = recs[i];
    const where = `recommendation ${i + 1} ("${want.contains}")`;
    if (!got || !fold(got.text).includes(fold(want.contains))) {
      out.push(`${where}: got ${describe(got)}`);
      return;
    }
    if (want.timescale !== undefined && got.timescale !== want.timescale) {
      out.push(`${where}: timescale expected ${want.timescale}, got ${got.timescale}`);
    }
    if (want.priority !== undefined && got.priority !== want.priority) {
      out.push(`${where}: priority expected ${want.priority}, got ${got.priority}`);
    }
    if (want.section !== undefined && fold(got.section) !== fold(want.section)) {
      out.push(`${where}: section expected "${want.section}", got "${got.section}"`);
    }
    if (want.dueOn !== undefined && got.dueOn !== want.dueOn) {
      out.push(`${where}: dueOn expected ${want.dueOn}, got ${got.dueOn}`);
    }
    if (want.responsible_contains !== undefined) {
      const names = got.responsible.map(fold);
      if (want.responsible_contains.length === 0) {
        // The council itself: the extractor names the authority and nobody else.
        const authority = fold(actual.authority ?? '');
        if (names.length !== 1 || names[0] !== authority) {
          out.push(
            `${where}: responsible expected [${actual.authority}], got [${got.responsible.join('; ')}]`,
          );
        }
      } else {
        for (const part of want.responsible_contains) {
          if (!names.some((n) => n.includes(fold(part)))) {
            out.push(
              `${where}: responsible expected to name "${part}", got [${got.responsible.join('; ')}]`,
            );
          }
        }
      }
    }
  });
  out.push(...suggestionDifferences(result, expected));
  return out;
}

/**
 * Labels on a document's prose suggestions, as in ../shared/corpus-next (see the corpus README):
 * phrases some suggestion must hold, phrases none may hold, and the most suggestions there may be.
 */
export interface ExpectedSuggestions {
  /** Phrases each of which some suggestion's text must contain (a weakness stated in prose). */
  suggestions_contain?: string[];
  /** Phrases no suggestion may contain (strengths, and sentences that only describe the visit). */
  suggestions_not_contain?: string[];
  /** The most suggestions there may be. */
  suggestions_max?: number;
}

/** Compares an extraction's suggestions with their labels, listing every difference. */
export function suggestionDifferences(
  result: { suggestions: ReadonlyArray<{ text: string }> },
  expected: ExpectedSuggestions,
): string[] {
  const out: string[] = [];
  const texts = result.suggestions.map((s) => fold(s.text));
  for (const phrase of expected.suggestions_contain ?? []) {
    if (!texts.some((t) => t.includes(fold(phrase)))) {
      out.push(`suggestions: none contains "${phrase}"`);
    }
  }
  for (const phrase of expected.suggestions_not_contain ?? []) {
    const hit = result.suggestions.find((s) => fold(s.text).includes(fold(phrase)));
    if (hit) out.push(`suggestions: "${phrase}" must not be suggested, got "${hit.text}"`);
  }
  if (expected.suggestions_max !== undefined && texts.length > expected.suggestions_max) {
    out.push(`suggestions: expected at most ${expected.suggestions_max}, got ${texts.length}`);
  }
  return out;
}
