import type { OrganisationKind } from './entities/organisation.entity';

/** What an organisation is called and what it is, for matching a report's wording to it. */
export interface NamedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

// Words that say what sort of body it is, not which one ("NHS ... Integrated Care Board").
const GENERIC = new Set([
  'the',
  'of',
  'and',
  'for',
  'nhs',
  'integrated',
  'care',
  'board',
  'icb',
  'trust',
  'foundation',
  'partnership',
  'service',
  'services',
  'council',
  'county',
  'borough',
  'city',
  'metropolitan',
  'police',
  'constabulary',
  'force',
  'youth',
  'justice',
  'team',
  'local',
  'authority',
]);

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];
const distinctive = (text: string): string[] => wordsOf(text).filter((word) => !GENERIC.has(word));

// How reports name each kind of partner when they do not name the body itself.
const KIND_CUES: ReadonlyArray<[OrganisationKind, RegExp]> = [
  ['police', /\bpolice\b|\bconstabulary\b/i],
  [
    'health',
    /\bintegrated care\b|\bICB\b|\bNHS\b|\bhealth\b|\bclinical commissioning\b|\bCCG\b|\bhospital\b/i,
  ],
  ['youth_justice', /\byouth (?:justice|offending)\b|\bYOT\b/i],
  ['education', /\bschools?\b|\beducation\b|\bcolleges?\b/i],
];

const COUNCIL = /\bcouncil\b|\blocal authority\b/i;

/**
 * The council's organisation a report's responsible body most plausibly means, or null:
 * first by name (every distinctive word of the organisation's name appears in the body's, the
 * most such words winning, never one of another kind than the body names), then by kind when the body names only a kind ("the police", no proper
 * name) and the council has exactly one organisation of it. The council itself is skipped. Bodies are tried in the report's order.
 */
export function organisationNamedBy<T extends NamedOrganisation>(
  responsible: readonly string[],
  organisations: readonly T[],
): T | null {
  for (const body of responsible) {
    // The council itself is never its own partner, whatever place name they share.
    if (COUNCIL.test(body)) continue;
    const words = new Set(wordsOf(body));
    // "NHS Harbourside ICB" is not Harbourside Police, though both are "Harbourside".
    const kind = KIND_CUES.find(([, cue]) => cue.test(body))?.[0];
    let best: { organisation: T; score: number } | null = null;
    for (const organisation of organisations) {
      if (kind && organisation.kind !== kind && organisation.kind !== 'other') continue;
      const own = distinctive(organisation.name);
      if (own.length === 0 || !own.every((word) => words.has(word))) continue;
      if (!best || own.length > best.score) best = { organisation, score: own.length };
    }
    if (best) return best.organisation;
    // A body named properly ("Greater Manchester Police") is that body, not any of its kind.
    if (/[A-Z]/.test(body.replace(/\b(?:NHS|ICB|CCG|YOT)\b|^\w/g, ''))) continue;
    const ofKind = organisations.filter((organisation) => organisation.kind === kind);
    if (kind && ofKind.length === 1 && ofKind[0]) return ofKind[0];
  }
  return null;
}
