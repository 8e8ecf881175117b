import { ownerFromSubject, type Owner } from './headings';

export interface PartyNames {
  /** The authority's own name ("Stockport Metropolitan Borough Council"). */
  authority: string;
  /**
   * The council's own name, where the report is about more than the council (a local area
   * partnership); otherwise the authority's.
   */
  council?: string;
  /** The safeguarding children board's or partnership's name, where the report gives it. */
  board: string | null;
}

const GENERIC_BOARD = 'Local Safeguarding Children Board';

/** Names for the board, the area's partners spoken of in general, or the council. */
function partyName(
  kind: 'authority' | 'council' | 'board' | 'partnership',
  names: PartyNames,
): string {
  if (kind === 'board') return names.board ?? GENERIC_BOARD;
  if (kind === 'council') return names.council ?? names.authority;
  // The partnership is the authority when the report is about a partnership (area SEND), else
  // the safeguarding partnership the report names, else the area the report is about.
  if (kind === 'partnership' && !/\bpartnership$/i.test(names.authority)) {
    return names.board ?? names.authority;
  }
  return names.authority;
}

const MODAL =
  /\s+(?:should|must|shall|needs? to|will need to|will|is required to|are required to|is to|are to|ought to)\b/i;

/** Words a proper organisation name may contain in lower case. */
const CONNECTIVES = new Set([
  'and',
  'of',
  'for',
  'the',
  'in',
  'on',
  'upon',
  '&',
  'with',
  'de',
  'le',
]);

/** Partners named only generically add nobody to the list. */
const GENERIC_PARTNERS =
  /^(?:its|their|all|key|relevant|statutory|strategic|local|other)?\s*(?:(?:statutory|strategic|safeguarding|health|key|relevant|multi-agency) )?(?:partners?|partner agencies|agencies)$/i;

/** Agencies inspectors name in lower case. */
const LOWER_CASE_AGENCIES: Array<[RegExp, string]> = [
  [/^police$/i, 'Police'],
  [/^(?:national )?probation service$/i, 'Probation Service'],
  [/^clinical commissioning groups?$|^ccgs?$/i, 'Clinical Commissioning Group'],
  [/^integrated care boards?$|^icbs?$/i, 'Integrated Care Board'],
  [/^youth offending (?:service|team)$/i, 'Youth Offending Service'],
];

function isProperName(words: string[]): boolean {
  if (words.length === 0 || words.length > 9) return false;
  if (!/^[\p{Lu}\d]/u.test(words[0] ?? '')) return false;
  return words.every((w) => CONNECTIVES.has(w.toLowerCase()) || /^[\p{Lu}\d(]/u.test(w));
}

/** "Health and Wellbeing Board" is one body; "NHS X and NHS Y" are two. */
const COMPOUND_NAMES =
  /\b(?:health and (?:well-?being|social care)|fire and rescue|children and (?:young people|families)|education,? health and care|learning and skills|adults and communities|crime and disorder)\b/gi;
const JOIN = '\u0000';

/** "NHS Dunmere and Wyre Integrated Care Board" is one commissioner named after two places. */
const NHS_AREA_BODY =
  /\bNHS (?:[\p{Lu}][\p{L}'’-]* )+and (?:[\p{Lu}][\p{L}'’-]* )+(?:Integrated Care Board|ICB|Clinical Commissioning Group|CCG)\b/gu;

/** Words that make a name an organisation's: what a body's name has and a place's has not. */
const ORGANISATION_WORD =
  /\b(?:council|police|constabulary|nhs|icb|ccg|board|trust|service|services|partnership|authority|probation|commissioner|team|group|company|hospitals?|agency|partners|leaders|department|care|health|local)\b/i;
const ENDS_AS_ORGANISATION =
  /\b(?:council|police|constabulary|icb|ccg|board|trust|service|services|partnership|probation|commissioner|company|hospitals?)$/i;

function splitParties(subject: string): string[] {
  const protectedSubject = subject
    .replace(COMPOUND_NAMES, (m) => m.replace(/ and /gi, ` ${JOIN} `))
    .replace(NHS_AREA_BODY, (m) => (/ NHS /.test(m) ? m : m.replace(/ and /g, ` ${JOIN} `)));
  // Split at commas and joining words, remembering which word joined each part to the last.
  const tokens = protectedSubject.split(/(\s*,\s*(?:and\s+)?|\s+(?:and|&|as well as)\s+)/i);
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i];
    if (token === undefined) break;
    const part = token.replaceAll(` ${JOIN} `, ' and ').trim();
    if (!part) continue;
    const joiner = (tokens[i - 1] ?? '').trim().toLowerCase();
    const previous = parts[parts.length - 1];
    // "Avon and Somerset Constabulary", "Devon and Cornwall Police": a place joined by "and" to
    // the name of an organisation is part of that name.
    if (
      previous !== undefined &&
      (joiner === 'and' || joiner === '&') &&
      /^\p{Lu}/u.test(previous) &&
      !ORGANISATION_WORD.test(previous) &&
      ENDS_AS_ORGANISATION.test(part)
    ) {
      parts[parts.length - 1] = `${previous} ${joiner} ${part}`;
      continue;
    }
    parts.push(part);
  }
  return parts;
}

/** Names for an owner: the council, the board, or the agencies an agency heading named. */
export function ownerNames(owner: Owner | null, names: PartyNames): string[] {
  if (!owner) return [names.authority];
  if (owner.kind !== 'named') return [partyName(owner.kind, names)];
  const resolved = owner.names.flatMap((n) => resolveSubject(n, names) ?? [n]);
  return resolved.length > 0 ? resolved : [names.authority];
}

/**
 * Reads the bodies an item names as its subject: "NHS Stockport, Community Health Stockport
 * and Stockport NHS Foundation Trust should ensure…", "the council and NHS Stockport should…".
 * Returns null when the subject is not a list of organisations ("Strategy discussions should…").
 */
export function leadInBodies(text: string, names: PartyNames): string[] | null {
  const opening = text.replace(
    /^(?:(?:in addition|additionally|also|further(?:more)?|immediately|as a priority|urgently|within [^,]{3,40}|by [^,]{3,40}),\s*)+/i,
    '',
  );
  // "Urgent action is required by the Northvale NHS Foundation Trust to…": the agent acts.
  const agent =
    /^[^.;:]{0,80}?\b(?:is|are) (?:urgently |also |now )?(?:required|needed|expected) (?:of|from|by) (?:the )?([\p{Lu}][^.;:]{2,120}?)(?=\s+(?:to|so|in order)\b|[,.;:]|$)/u.exec(
      opening,
    );
  // The agent group is required: a match fills it.
  if (agent?.[1] !== undefined) {
    const bodies = resolveSubject(agent[1], names);
    if (bodies) return bodies;
  }
  const modal = MODAL.exec(opening);
  if (!modal || modal.index > 160) return null;
  const subject = opening.slice(0, modal.index);
  // A subject spanning a full stop is not one subject.
  if (/[.;:]\s/.test(subject)) return null;
  return resolveSubject(subject, names);
}

/** Whether the text opens by naming organisations that must act ("Northvale Police should…"). */
export function hasBodyLeadIn(text: string): boolean {
  return leadInBodies(text, { authority: '\u0000authority', board: '\u0000board' }) !== null;
}

/** Splits "A, B and C" into bodies and resolves each; null if any part is not a body. */
export function resolveSubject(subject: string, names: PartyNames): string[] | null {
  const cleaned = subject
    // Asides between commas: ", in partnership with commissioners and providers,".
    .replace(
      /,\s*(?:in partnership with|working with|together with|with the support of|supported by|alongside|through|via)\b[^,]*,?/gi,
      '',
    )
    .replace(/\s*\([^)]*\)/g, '')
    .trim();
  const parts = splitParties(cleaned);
  if (parts.length === 0 || parts.length > 8) return null;

  const found: string[] = [];
  for (const raw of parts) {
    // "Leaders in NHS X should…" asks NHS X to act.
    // (A named body only: "leaders in the local authority" are the report's own leaders.)
    const part = raw.replace(
      /^(?:[Ss]enior |[Ss]trategic )?[Ll]eaders (?:in|of|at|from) (?=(?:the )?\p{Lu})/u,
      '',
    );
    const owner = ownerFromSubject(part);
    if (owner && owner.kind !== 'named') {
      found.push(partyName(owner.kind, names));
      continue;
    }
    if (GENERIC_PARTNERS.test(part)) continue;
    const bare = part.replace(/^the\s+/i, '');
    const agency = /^\p{Ll}/u.test(bare) ? LOWER_CASE_AGENCIES.find(([re]) => re.test(bare)) : null;
    if (agency) {
      found.push(agency[1]);
      continue;
    }
    if (!isProperName(bare.split(/\s+/))) return null;
    found.push(bare);
  }
  const unique = [...new Set(found)];
  return unique.length > 0 ? unique : null;
}
