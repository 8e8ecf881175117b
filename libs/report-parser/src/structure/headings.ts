import { joinLines, joinPair, lineAt, vocabulary, type Line } from '../layout/line';
import type { RecommendationPriority } from '../types';
import { parseMarker, STARTS_WITH_BULLET, type Marker } from './markers';

/**
 * Every heading rule in one place: the table of list headings, the kinds of section other
 * headings open, and the classifier that tells a heading from a line of text. Lists and prose
 * both read headings through `Headings`, so a new layout is one table entry (and one fixture).
 */

/**
 * Who a list is addressed to, before any item names someone else. `partnership` is the area's
 * partners spoken of in general ("leaders across the partnership"), which `ownerNames` resolves
 * from what the report names.
 */
export type Owner =
  | { kind: 'authority' }
  | { kind: 'council' }
  | { kind: 'board' }
  | { kind: 'partnership' }
  | { kind: 'named'; names: string[] };

export interface ListHeading {
  /** The heading as written, without a number, a footnote mark or a trailing "?" or ":". */
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

/** Strips what decorates a heading: section numbers, footnote marks, trailing punctuation. */
export function headingText(text: string): string {
  return (
    text
      .replace(/^(?:section\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+(?=\p{L})/iu, '')
      // A footnote mark after the last word or mark: "…social work practice?1".
      .replace(/(?<=[\p{Ll}?:)])\d{1,2}$/u, '')
      .replace(/\s*[?:.]\s*$/, '')
      .trim()
  );
}

// ---------------------------------------------------------------------------------------------
// The table of list headings

interface ListHeadingRule {
  /** Matched against the heading's text (see `headingText`), case-insensitively. */
  pattern: RegExp;
  priority?: RecommendationPriority;
  /** The heading sets the timescale: act at once. */
  immediate?: boolean;
  /** The heading usually holds other list headings; its first group names who must act. */
  parent?: boolean;
  /** The first group, when present, names who the list is for ("Recommendations for X"). */
  addressee?: boolean;
}

/**
 * Headings that introduce lists of things the council (or another body) must act on. Older
 * and other layouts are one more entry each.
 */
const LIST_HEADINGS: ListHeadingRule[] = [
  // "What does the local authority need to improve?", "What does the school need to do to
  // improve further?" (school and provider reports), "What does the LSCB need to improve?".
  {
    pattern:
      /^what (?:does|do|should) (.+?) (?:need|needs) to (?:do to )?improve(?: further)?(?: .*)?$/i,
    parent: true,
  },
  {
    pattern: /^what (?!needs?\b)(.+?) (?:needs?|has) to (?:do to )?improve(?: further)?$/i,
    parent: true,
  },
  { pattern: /^what needs to (?:improve|be improved|happen|change)\b/i },
  {
    pattern: /^(?:areas?|matters|issues) (?:for|requiring) (?:priority|urgent|immediate) action$/i,
    priority: 'priority_action',
  },
  {
    pattern: /^priority (?:and|&) immediate actions?$|^(?:immediate|priority) actions?$/i,
    priority: 'priority_action',
    immediate: true,
  },
  {
    pattern:
      /^(?:key |further |other |main )?areas? (?:for|of|requiring) (?:further )?(?:improvement|development)$/i,
  },
  {
    pattern: /^areas? (?:that|which) (?:need|require)s? (?:further )?(?:improvement|development)$/i,
  },
  // Joint area reviews and annual assessments: "Priorities for further improvement".
  {
    pattern:
      /^(?:key )?priorities for (?:further |future )?(?:improvement|development|action)$|^(?:key )?priorities for the (?:council|partnership|local authority)$/i,
  },
  { pattern: /^recommendations?(?: (?:for|to) (.+))?$/i, addressee: true },
];

/** Cheap first test: list headings start with one of these words (after any number). */
const LIST_HEADING_START =
  /^(?:(?:section\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+)?(?:what|areas?|priority|priorities|immediate|recommendations?|key|further|other|main|matters|issues)\b/i;

/** Reads a list heading, or returns null when the text is not one. */
export function matchListHeading(raw: string): ListHeading | null {
  if (!LIST_HEADING_START.test(raw)) return null;
  const section = headingText(raw);
  // "13. Priorities for further improvement:" may end a numbered paragraph's first line.
  if (section.length > 110 || /[.;]$/.test(raw.trim())) return null;
  for (const rule of LIST_HEADINGS) {
    const m = rule.pattern.exec(section);
    if (!m) continue;
    const heading: ListHeading = {
      section,
      priority: rule.priority ?? 'improvement',
      timescale: rule.immediate ? 'P0D' : null,
      timescaleText: rule.immediate ? section : null,
      owner: null,
      parent: rule.parent === true,
    };
    const who = m[1]?.trim();
    if (who && rule.parent) heading.owner = ownerFromSubject(who);
    if (who && rule.addressee) {
      // "Recommendations for Lydmoor Police" addresses the police; "…for improvement" nobody.
      const owner = ownerFromSubject(who);
      const named = !owner && /^(?:the\s+)?\p{Lu}/u.test(who) ? who.replace(/^the\s+/i, '') : null;
      heading.owner = owner ?? (named ? { kind: 'named', names: [named] } : null);
    }
    return heading;
  }
  return null;
}

/**
 * The header of a table whose left column names who must act ("Responsible body | Areas for
 * priority action"): returns the rest of the header (the other column's heading, or nothing
 * when the columns come on lines of their own), or null when the line is not one.
 */
export function ownerColumnHeader(text: string): string | null {
  const m =
    /^(?:responsible|lead|accountable) (?:bod(?:y|ies)|agenc(?:y|ies)|organisations?|partners?|partner agenc(?:y|ies))\b\s*(.*)$/i.exec(
      text.trim(),
    );
  return m?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Other sections

/** What a heading that is not a list heading says its section holds. */
export type SectionKind = 'strengths' | 'weaknesses' | 'other';

/** Parts of a report that never hold recommendations; the first group says what they hold. */
const NON_LIST_SECTION =
  /\b(?:(strengths?|what is working well|good practice|practice that|key strengths)|(?:progress since|summary for children|information about|inspection findings|findings|overview|next steps|background|context|the inspection team|about this inspection|what the inspection judgements mean|judgements?|key facts|evaluation of|executive summary|summary of findings|introduction|methodology|case study|details))\b/i;
/** Sections of prose about what is wrong, or what is right. */
const WEAKNESS_SECTION =
  /\b(?:areas? (?:for|of|requiring) (?:further )?(?:improvement|development)|what needs|needs? to improve|weakness(?:es)?|concerns?|priority|priorities|challenges?|not working)\b/i;
const STRENGTH_SECTION =
  /\b(?:strengths?|working well|good practice|what is good|positive|progress made)\b/i;

/** Headings of parts of a report that never hold recommendations. */
export function isNonListSection(text: string): boolean {
  return NON_LIST_SECTION.test(headingText(text));
}

/** What a section heading says about the prose under it. */
export function sectionKind(section: string | null): SectionKind {
  if (!section) return 'other';
  if (STRENGTH_SECTION.test(section)) return 'strengths';
  if (WEAKNESS_SECTION.test(section)) return 'weaknesses';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Sub-headings and statements inside lists

/** A safeguarding children board, or a partnership named as one ("Northvale Safeguarding…"). */
const BOARD =
  /^(?:(?:senior )?leaders (?:across|in|of) )?(?:the\s+)?(?:lscb|board|(?:local )?safeguarding (?:children )?board|(?:[\p{Lu}][\p{L}'’-]*\s+)+(?:local\s+)?safeguarding children(?:['’]s)? (?:board|partnership))$/iu;
/**
 * The area's partners spoken of in general: the safeguarding partners in a joint inspection
 * letter, the local area partnership (the council and the health commissioners) in an area
 * SEND report.
 */
const PARTNERSHIP =
  /^(?:the\s+)?(?:(?:senior |strategic )?leaders (?:across|in|of|from) (?:the\s+)?)?(?:(?:local |strategic |local area |area |multi-agency )?partnership|(?:local )?safeguarding partners(?:hip)?|(?:local )?safeguarding children partnership|lscp|multi-agency safeguarding (?:arrangements|partnership))$|^(?:(?:the|local) )?area leaders$|^(?:senior )?leaders across (?:education, health and (?:social )?care|the (?:local )?area)$/i;
const AUTHORITY =
  /^(?:the\s+)?(?:local authority|council|authority|la|city council|county council|borough council)(?:\s+(?:and|with) (?:its|their) (?:statutory |strategic )?partners)?$/i;
/** People who act for the council: their actions are the council's. */
const AUTHORITY_ROLES =
  /^(?:the\s+)?(?:director of children['’]s services|dcs|chief executive|lead member(?: for children['’]s services)?|(?:senior |political |corporate |local authority |council )?leaders|(?:senior )?managers|elected members|corporate parents|corporate parenting (?:board|panel|committee))$/i;
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

/**
 * Reads who a heading or lead-in addresses: "the LSCB" is the board, "the local authority" the
 * council, "leaders across the partnership" the area's partners, and leaders or managers with
 * no body named the authority the report is about.
 */
export function ownerFromSubject(subject: string): Owner | null {
  const who = subject.trim();
  if (PARTNERSHIP.test(who)) return { kind: 'partnership' };
  if (BOARD.test(who)) return { kind: 'board' };
  // The council as an organisation; its people act for whatever the report is about.
  if (AUTHORITY.test(who)) return { kind: 'council' };
  if (AUTHORITY_ROLES.test(who)) return { kind: 'authority' };
  return null;
}

/** "Immediately:", "Within three months:", "Within 28 days:", "By 31 March 2020:". */
export function isTimescaleHeading(text: string): boolean {
  return /^(?:immediately|with immediate effect|for (?:immediate )?action(?: (?:over|within|in|during) (?:the )?(?:next |short |medium |longer |long )?\S+(?: \S+)?)?|within (?:the next )?\S+(?: \S+)? (?:working )?(?:days?|weeks?|months?|years?)(?: of .{1,40})?|by (?:the end of )?(?:\d{1,2}(?:st|nd|rd|th)? )?[a-z]+ \d{4}|in the (?:short|medium|longer|long) term)\s*:?$/i.test(
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
  if (m?.[1] !== undefined) return m[1];
  m = /^for (.{2,120}):$/i.exec(t);
  return m?.[1] ?? null;
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

/**
 * The frame of an introduction: who must act, and only that they must act ("The local authority
 * should:", "Leaders need to take swift and decisive action to ensure that:").
 */
const INTRO_FRAME =
  /\b(?:should|must|needs? to|will need to|is required to|are required to|is to|are to)(?: also| now| urgently| jointly| swiftly| continue to)?(?: (?:take (?:the following|[\p{L}, ]{0,60}?action)(?: (?:to|in order to|so as to) (?:ensure|make sure)(?: that)?)?|ensure(?: that)?|make sure(?: that)?|focus on|prioritise|act to(?: ensure(?: that)?)?|improve|address|consider|do the following|work together to))?\s*:$/iu;
/** A closing clause that points back at the sentence before it ("This includes:"). */
const POINTS_BACK = /^(?:this|these|they|it|such|in particular|including|specifically)\b/i;

/**
 * Whether words before a list's first item introduce the items rather than being one. A lead-in
 * with content of its own ("Leaders need to strengthen support for young people. They should
 * focus on:") is an item whose sub-bullets follow; a frame that only says who must act ("…need
 * to take swift and decisive action to ensure that:") introduces items that each finish it.
 */
export function isIntroStatement(text: string): boolean {
  const t = text.trim();
  const sentences = t.split(/(?<=[.!?])\s+(?=[\p{Lu}“"‘'(])/u);
  // split always returns at least one part.
  const last = sentences[sentences.length - 1] ?? '';
  if (sentences.length > 1 && POINTS_BACK.test(last)) return false;
  if (/\b(?:the following|as follows)\b/i.test(last)) return true;
  if (/^(?:in order to|to improve)\b.*\b(?:should|must)\b/i.test(last)) return true;
  return /:$/.test(last) && INTRO_FRAME.test(last);
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

// ---------------------------------------------------------------------------------------------
// The heading classifier

/** Type rank of a line: bigger and bolder ranks higher. Text input ranks everything equal. */
export function rank(line: Line): number {
  return (line.size ?? 0) + (line.bold ? 0.5 : 0);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 80;
  const sorted = [...values].sort((a, b) => a - b);
  // values is not empty, so the index is in range; the default never applies.
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 80;
}

/**
 * The answer remembered for a line, worked out on first asking. `undefined` marks a line not yet
 * read, so null and false are answers like any other.
 */
function remembered<T>(answers: Array<T | undefined>, index: number, work: () => T): T {
  let answer = answers[index];
  if (answer === undefined) {
    answer = work();
    answers[index] = answer;
  }
  return answer;
}

/** "The experiences and progress of care leavers: requires improvement to be good". */
const GRADED_HEADING =
  /^\p{Lu}[^.]{10,140}:\s*(?:outstanding|good|inadequate|requires improvement(?: to be good)?)$/iu;

/** A line that may begin a fresh block: a capital, a number, a bracket or a bullet. */
const FRESH_START = /^[\p{Lu}\d(]/u;

/**
 * Tells headings from lines of text, the same way for lists and for prose. It reads a
 * document's lines once and remembers each answer, since several rules ask about the same line.
 */
export class Headings {
  /** Typical length of a full line, to tell short heading lines from wrapped text. */
  readonly wrapWidth: number;
  private readonly markers: Array<Marker | null | undefined> = [];
  private readonly headingLike: Array<boolean | undefined> = [];
  private readonly listHeadings: Array<ListHeading | null | undefined> = [];
  private words: Set<string> | undefined;

  constructor(
    readonly lines: Line[],
    /** The body text's font size (PDF only). */
    readonly body: number | null,
  ) {
    this.wrapWidth = percentile(
      lines.map((l) => l.text.length),
      0.9,
    );
  }

  /** Rejoins wrapped lines, making words broken at a line's end whole by the document's words. */
  join(parts: string[]): string {
    return joinLines(parts, this.vocabulary);
  }

  /** Joins one more line to text already joined (see `join`). */
  joinTo(text: string, part: string): string {
    return text ? joinPair(text, part, this.vocabulary) : part;
  }

  private readonly vocabulary = (): Set<string> => {
    this.words ??= vocabulary(this.lines);
    return this.words;
  };

  marker(index: number): Marker | null {
    return remembered(this.markers, index, () => parseMarker(lineAt(this.lines, index).text));
  }

  /** The list heading the line's text reads as, whether or not it stands as a heading. */
  listHeading(index: number): ListHeading | null {
    return remembered(this.listHeadings, index, () =>
      matchListHeading(lineAt(this.lines, index).text),
    );
  }

  /** Set in larger or bolder type than the body. */
  isStyled(line: Line): boolean {
    return (
      line.bold === true ||
      (line.size !== null && this.body !== null && line.size > this.body + 0.5)
    );
  }

  /** The shape of a heading: short, starts with a capital, does not end like a sentence. */
  private hasHeadingShape(index: number): boolean {
    const text = lineAt(this.lines, index).text;
    if (text.length > 110 || text.split(' ').length > 16) return false;
    if (!/^[\p{Lu}\d‘'"“]/u.test(text) || !/\p{L}/u.test(text)) return false;
    if (/[.,;]$/.test(text) && !/\b(?:etc|no)\.$/i.test(text)) return false;
    if (this.marker(index) && !this.listHeading(index)) return false;
    return text.length <= Math.max(60, this.wrapWidth * 0.8);
  }

  /** A line that stands on its own as a heading rather than a line of a paragraph. */
  isHeadingLike(index: number): boolean {
    return remembered(this.headingLike, index, () => this.computeHeadingLike(index));
  }

  private computeHeadingLike(index: number): boolean {
    const line = lineAt(this.lines, index);
    if (!this.hasHeadingShape(index)) return false;
    if (this.isStyled(line)) return true;
    const previous = this.lines[index - 1];
    const next = this.lines[index + 1];
    // Unstyled: it must be set apart, after a finished sentence or a gap, and the next line must
    // not carry on its sentence.
    const apart =
      line.gapBefore ||
      !previous ||
      /[.!?:]$/.test(previous.text) ||
      this.listHeading(index - 1) !== null ||
      (index > 0 && this.isHeadingLike(index - 1));
    const nextStartsFresh =
      !next ||
      next.gapBefore ||
      FRESH_START.test(next.text) ||
      STARTS_WITH_BULLET.test(next.text) ||
      this.marker(index + 1) !== null;
    return apart && nextStartsFresh && !/[:]$/.test(line.text.replace(/\?$/, ''));
  }

  /**
   * A judgement heading ("The experiences and progress of care leavers: requires improvement
   * to be good"), on one line or wrapped onto two: its text and how many lines it takes.
   */
  gradedHeadingAt(index: number): { text: string; lines: number } | null {
    const line = lineAt(this.lines, index);
    if (GRADED_HEADING.test(line.text)) return { text: line.text, lines: 1 };
    const next = this.lines[index + 1];
    if (!next || next.gapBefore || !/^[\p{Lu}]/u.test(line.text) || /[.;]$/.test(line.text)) {
      return null;
    }
    const joined = `${line.text} ${next.text}`;
    return GRADED_HEADING.test(joined) && joined.length <= 180 ? { text: joined, lines: 2 } : null;
  }

  /** Where a list heading may stand: heading-like, and not the middle of a sentence. */
  isHeadingCandidate(index: number): boolean {
    const line = lineAt(this.lines, index);
    if (!/^[\p{Lu}\d]/u.test(line.text)) return false;
    const next = this.lines[index + 1];
    if (next && !next.gapBefore && /^\p{Ll}/u.test(next.text) && line.bold !== true) return false;
    const previous = this.lines[index - 1];
    return (
      line.gapBefore ||
      !previous ||
      line.bold === true ||
      /[.!?:)]$/.test(previous.text) ||
      (previous.bold === true && line.bold !== false) ||
      this.marker(index - 1) !== null ||
      this.isHeadingLike(index)
    );
  }

  /** The list heading standing at this line, if one does. */
  listHeadingAt(index: number): ListHeading | null {
    if (!LIST_HEADING_START.test(lineAt(this.lines, index).text)) return null;
    return this.isHeadingCandidate(index) ? this.listHeading(index) : null;
  }
}
