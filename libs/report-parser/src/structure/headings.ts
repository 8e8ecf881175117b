import type { RecommendationPriority } from '../types';

/** Who a list is addressed to, before any item names someone else. */
export type Owner = { kind: 'authority' } | { kind: 'board' } | { kind: 'named'; names: string[] };

export interface ListHeading {
  /** The heading as written, without a trailing "?" or ":". */
  section: string;
  priority: RecommendationPriority;
  /** Set when the heading itself fixes the timescale ("Priority and immediate action"). */
  timescale: string | null;
  timescaleText: string | null;
  /** Set when the heading names who must act ("What does the LSCB need to improve?"). */
  owner: Owner | null;
  /** A heading that usually holds other list headings ("What does the local authority need…"). */
  parent: boolean;
}

/** Strips what decorates a heading: section numbers, trailing punctuation. */
export function headingText(text: string): string {
  return text
    .replace(/^(?:section\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+(?=\p{L})/iu, '')
    .replace(/\s*[?:.]\s*$/, '')
    .trim();
}

const BOARD =
  /^(?:(?:senior )?leaders (?:across|in|of) )?(?:the\s+)?(?:lscb|lscp|board|partnership|(?:local )?safeguarding partners|multi-agency safeguarding (?:arrangements|partnership)|safeguarding (?:children )?(?:board|partnership|partners)|local safeguarding (?:children )?(?:board|partnership)|(?:[\p{Lu}][\p{L}'’-]*\s+)+(?:local\s+)?safeguarding children(?:['’]s)? (?:board|partnership))$/iu;
const AUTHORITY =
  /^(?:the\s+)?(?:local authority|council|authority|la|city council|county council|borough council)(?:\s+(?:and|with) (?:its|their) (?:statutory |strategic )?partners)?$/i;
/** People who act for the council: their actions are the council's. */
const AUTHORITY_ROLES =
  /^(?:the\s+)?(?:director of children['’]s services|dcs|chief executive|lead member(?: for children['’]s services)?|(?:senior |political |corporate )?leaders|(?:senior )?managers|elected members|corporate parents|corporate parenting (?:board|panel|committee))$/i;

/** Words that make a sub-heading the name of an organisation ("Northvale Constabulary"). */
const ORGANISATION =
  /\b(?:police|constabulary|nhs|ccg|icb|trust|probation|council|clinical commissioning group|integrated care board|youth (?:offending|justice) (?:service|team)|community rehabilitation company|health(?:care)? (?:board|services|trust)|fire and rescue|safeguarding (?:children )?(?:board|partnership))\b/i;

/** Whether a sub-heading names an organisation that the items under it are addressed to. */
export function isOrganisationName(text: string): boolean {
  const t = text.trim();
  return (
    t.length <= 90 && /^(?:the\s+)?[\p{Lu}]/u.test(t) && ORGANISATION.test(t) && !/[.:;]$/.test(t)
  );
}

/** Reads who a heading addresses: "the LSCB" is the board, "the local authority" the council. */
export function ownerFromSubject(subject: string): Owner | null {
  const who = subject.trim();
  if (BOARD.test(who)) return { kind: 'board' };
  if (AUTHORITY.test(who) || AUTHORITY_ROLES.test(who)) return { kind: 'authority' };
  return null;
}

/** Matches the headings that introduce lists of things the council must act on. */
const LIST_HEADING_START =
  /^(?:(?:section\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+)?(?:what|areas?|priority|immediate|recommendations?|key|further|other|matters|issues)\b/i;

export function matchListHeading(raw: string): ListHeading | null {
  if (!LIST_HEADING_START.test(raw)) return null;
  const section = headingText(raw);
  if (section.length > 110 || /[.;]$/.test(raw.trim())) return null;
  const lower = section.toLowerCase();
  const base: ListHeading = {
    section,
    priority: 'improvement',
    timescale: null,
    timescaleText: null,
    owner: null,
    parent: false,
  };

  let m = /^what (?:does|do|should) (.+?) (?:need|needs) to (?:do to )?improve(?: .*)?$/i.exec(
    section,
  );
  if (m) return { ...base, parent: true, owner: ownerFromSubject(m[1]) };
  m = /^what (.+?) (?:needs?|has) to (?:do to )?improve$/i.exec(section);
  if (m && !/^needs?$/i.test(m[1])) return { ...base, parent: true, owner: ownerFromSubject(m[1]) };

  if (/^what needs to (?:improve|be improved|happen|change)\b/.test(lower)) return base;
  if (
    /^(?:areas?|matters|issues) (?:for|requiring) (?:priority|urgent|immediate) action$/.test(lower)
  ) {
    return { ...base, priority: 'priority_action' };
  }
  if (/^priority (?:and|&) immediate actions?$|^(?:immediate|priority) actions?$/.test(lower)) {
    return { ...base, priority: 'priority_action', timescale: 'P0D', timescaleText: section };
  }
  if (
    /^(?:key |further |other )?areas? (?:for|of|requiring) (?:further )?(?:improvement|development)$/.test(
      lower,
    )
  ) {
    return base;
  }
  if (
    /^areas? (?:that|which) (?:need|require)s? (?:further )?(?:improvement|development)$/.test(
      lower,
    )
  ) {
    return base;
  }
  m = /^recommendations?(?: (?:for|to) (.+))?$/i.exec(section);
  if (m) {
    const who = m[1]?.trim();
    const owner = who ? ownerFromSubject(who) : null;
    // "Recommendations for Lydmoor Police" addresses the police; "…for improvement" nobody.
    const named =
      who && !owner && /^(?:the\s+)?\p{Lu}/u.test(who) ? who.replace(/^the\s+/i, '') : null;
    return { ...base, owner: owner ?? (named ? { kind: 'named', names: [named] } : null) };
  }
  return null;
}

/** "Immediately:", "Within three months:", "Within 28 days:", "By 31 March 2020:". */
export function isTimescaleHeading(text: string): boolean {
  return /^(?:immediately|with immediate effect|within (?:the next )?\S+(?: \S+)? (?:working )?(?:days?|weeks?|months?|years?)(?: of .{1,40})?|by (?:the end of )?(?:\d{1,2}(?:st|nd|rd|th)? )?[a-z]+ \d{4}|in the (?:short|medium|longer|long) term)\s*:?$/i.test(
    text.trim(),
  );
}

/** "Northvale Constabulary should:", "The local authority and its partners should:", "For NHS X:". */
export function agencyHeadingSubject(text: string): string | null {
  const t = text.trim();
  let m =
    /^(?:in addition,?\s+)?(.{2,140}?)\s+(?:should|must|needs? to|is to|are to|will need to)(?: also| urgently| now)?(?: (?:take the following action|act to|ensure that))?\s*:$/i.exec(
      t,
    );
  if (m) return m[1];
  m = /^for (.{2,120}):$/i.exec(t);
  return m ? m[1] : null;
}

/** "The inspection did not find any areas for priority action." */
export function isNoItemsStatement(text: string): boolean {
  return (
    /\b(?:did|does|do|has|have|had) not (?:find|identify|make|need|have|raise)\b.{0,80}\b(?:areas?|recommendations?|actions?|priorit|improvements?)\b/i.test(
      text,
    ) ||
    /^(?:there (?:are|were) )?no (?:areas?|recommendations?|priority actions?|further recommendations?)\b/i.test(
      text,
    ) ||
    /^(?:none|not applicable|n\/a)\.?$/i.test(text.trim())
  );
}

/** A sentence that introduces the items rather than being one. */
export function isIntroStatement(text: string): boolean {
  const t = text.trim();
  return (
    /\b(?:the following|as follows)\b/i.test(t) ||
    (/:$/.test(t) && /\b(?:should|must|need|needs|required|recommend|improve)\b/i.test(t)) ||
    /^(?:in order to|to improve)\b.*\b(?:should|must)\b/i.test(t)
  );
}

/** Headings of parts of a report that never hold recommendations. */
export function isNonListSection(text: string): boolean {
  const t = headingText(text).toLowerCase();
  return /\b(?:strengths?|what is working well|progress since|summary for children|information about|inspection findings|findings|overview|next steps|background|context|the inspection team|about this inspection|what the inspection judgements mean|judgements?|key facts|evaluation of|executive summary|summary of findings|introduction|methodology|case study|good practice|practice that)\b/.test(
    t,
  );
}

/** Letter and report endings and boilerplate that close a list. */
export function isClosingText(text: string): boolean {
  return /^(?:yours sincerely|yours faithfully|kind regards|ofsted will (?:take|consider|continue|monitor|return|carry out|publish)|this letter will be (?:shared|published)|we will (?:take|publish|share|continue)|the (?:director of children['’]s services|local authority|local safeguarding partners|dcs) should (?:prepare|send|submit)|a copy of this letter|if you have any (?:questions|comments)|the inspection was carried out|inspectors will|inspectors' evaluations)/i.test(
    text.trim(),
  );
}

/** Opening words of the imperative items inspectors write ("Ensure…", "Improve…"). */
const IMPERATIVE =
  /^(?:ensure|improve|develop|strengthen|review|increase|reduce|establish|implement|provide|monitor|make|take|consider|work|enable|complete|evaluate|undertake|continue|secure|promote|raise|embed|address|clarify|agree|give|audit|report|build|extend|introduce|put|set|track|use|assess|identify|respond|tackle|update|prioritise|prioritize|accelerate|formalise|publish|recruit|retain|strengthen|align|analyse|analyze|apply|challenge|commission|create|deliver|demonstrate|engage|evidence|expand|focus|guarantee|involve|maintain|oversee|plan|prepare|produce|record|refine|reinforce|resolve|restructure|revise|scrutinise|share|streamline|support|test|train|understand|upgrade|verify|widen)\b/i;

/** Whether a sentence reads like a recommendation rather than a finding or a strength. */
export function readsLikeRecommendation(text: string): boolean {
  const t = text.trim();
  return (
    IMPERATIVE.test(t) ||
    /\b(?:should|must|needs? to|need to be|needs to be|is required to|are required to)\b/i.test(t)
  );
}
