import { lineAt, type Line } from '../layout/line';
import type { DocumentFacts, DocumentKind } from '../types';
import {
  DAY_MONTH_YEAR,
  findDate,
  findDateRange,
  findMonthFirstDate,
  isoDate,
  MONTH_DAY_YEAR,
} from './dates';
import { findJudgements } from './judgements';

/** How far into a document its title, addressee and dates are looked for. */
const HEAD_LINES = 60;
/** How far into a document (in characters, about ten pages) the inspectorates are looked for. */
const OPENING = 30_000;

/** Inspectorates and how documents name them (matched in lower case). */
const INSPECTORATES: Array<[string, string[]]> = [
  ['Ofsted', ['ofsted', 'office for standards in education']],
  ['Care Quality Commission', ['care quality commission', ' cqc', '(cqc)']],
  ['HMICFRS', ['hmicfrs', 'inspectorate of constabulary', ' hmic ', '(hmic)']],
  [
    'HM Inspectorate of Probation',
    ['inspectorate of probation', 'hmi probation', 'inspector of probation', '(hmip)'],
  ],
];

/** Every inspectorate's names in one pattern, so a long text is read once. */
const INSPECTORATE_NAMES = new RegExp(
  INSPECTORATES.flatMap(([, names]) => names)
    .map((n) => n.replace(/[()]/g, '\\$&'))
    .join('|'),
  'gi',
);

function inspectoratesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(INSPECTORATE_NAMES)) found.add(m[0].toLowerCase());
  return INSPECTORATES.filter(([, names]) => names.some((n) => found.has(n))).map(([name]) => name);
}

const TITLE_START =
  /^(?:(?:re-)?inspection of|focused visit|monitoring visit|joint (?:targeted area )?inspection|joint inspection|joint (?:area )?review|joint visit|(?:local )?area send (?:full |re-?)?inspection|annual performance assessment|review of|report of)\b/i;
/** "Manchester City Council Re-inspection of services…": cover name and title on one line. */
const COUNCIL_TITLE =
  /^(.{3,80}?\b(?:Council|Unitary Authority|London Borough of [\p{Lu}][\p{L}'’ -]+?))\s+((?:re-)?inspection of\b.+)$/iu;
const OFSTED_KINDS = new Set<DocumentKind>([
  'full_inspection',
  'focused_visit',
  'monitoring_visit',
]);

const TITLE_STOP =
  /^(?:inspection dates?|report published|published|lead inspector|reporting inspector|inspection date|age group|dear\b|\d{1,2} \w+ \d{4}$)/i;

const COUNCIL_NAME =
  /^(?:the\s+)?(?:(?:royal|london)\s+borough of\s+[\p{Lu}][\p{L}'’ -]+|city of [\p{Lu}][\p{L}'’ -]+ council|[\p{Lu}][\p{L}'’.-]*(?:[ ,-]+(?:(?:upon|on|and|under|le|in|by|the|of)[ -]+)?[\p{Lu}][\p{L}'’.-]*)*\s+(?:(?:metropolitan\s+)?(?:borough|district)\s+|city\s+|county\s+|unitary\s+)?(?:council|unitary authority))$/iu;

/** Reads what the document is, who it is about, and when. */
export function extractFacts(
  rawLines: Line[],
  lines: Line[],
  format: 'pdf' | 'text',
  pages: number,
): DocumentFacts {
  // The cover is read as printed: a running header may repeat the title that page 1 opens with.
  const head = rawLines.slice(0, HEAD_LINES);
  const headText = head.map((l) => l.text).join('\n');
  // The whole text, joined only if a rule needs it (most documents are told by their head).
  let joined: string | undefined;
  const allText = (): string => (joined ??= rawLines.map((l) => l.text).join('\n'));

  // The title is looked for in the page as printed, but a running header that merely repeats
  // it gives way to the title set on the page itself.
  const kept = new Set(lines.slice(0, HEAD_LINES * 2));
  const titleCandidates = head
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => TITLE_START.test(line.text) || COUNCIL_TITLE.test(line.text));
  const titleIndex =
    (titleCandidates.find(({ line }) => kept.has(line)) ?? titleCandidates[0])?.index ?? -1;
  const title =
    readTitle(head, titleIndex) ?? head.find((l) => /\p{L}{3}/u.test(l.text))?.text ?? null;
  const kind = classify(title ?? '', headText, allText);

  // Ofsted inspects and visits local authority children's services in England and leads when
  // other inspectorates take part.
  // Inspectorates that take part are named in a document's opening pages.
  const named = inspectoratesIn(openingText(rawLines));
  const inspectorates =
    OFSTED_KINDS.has(kind) && !named.includes('Ofsted') ? ['Ofsted', ...named] : named;
  const visit = visitDates(head, headText);
  return {
    kind,
    inspectorate: inspectorates[0] ?? null,
    inspectorates,
    authority: findAuthority(head, title, titleIndex, allText),
    title,
    publishedOn: publicationDate(head),
    visitStartedOn: visit?.start ?? null,
    visitEndedOn: visit?.end ?? null,
    judgements: findJudgements(lines),
    format,
    pages,
  };
}

/** The title runs from its first line until the dates or the addressee. */
function readTitle(lines: Line[], start: number): string | null {
  if (start < 0) return null;
  const titleLine = lineAt(lines, start);
  const first = titleLine.text;
  const parts = [COUNCIL_TITLE.exec(first)?.[2] ?? first];
  for (let i = start + 1; i < Math.min(lines.length, start + 6); i++) {
    const line = lineAt(lines, i);
    if (TITLE_STOP.test(line.text) || line.text.length > 100) break;
    // The title's own lines share its type; without type, a long line of prose is not one.
    if (line.size !== null && (line.size !== titleLine.size || line.bold !== titleLine.bold)) {
      break;
    }
    // parts is never empty: it starts with the first line's text.
    const lastPart = parts[parts.length - 1] ?? '';
    const joined = /\b(?:and|of|for|in|to|the|on)$/i.test(lastPart);
    if (line.size === null && !joined && line.text.length > 60) break;
    if (
      line.gapBefore &&
      !/^(?:and|of|for|in|to)\b/i.test(line.text) &&
      !/\b(?:and|of)$/i.test(lastPart)
    ) {
      break;
    }
    // A title wrapped onto a line that ends with a full stop finishes there.
    const finishes = /[.!]$/.test(line.text);
    if (finishes && (line.gapBefore || /[.!:]$/.test(lastPart))) break;
    parts.push(line.text);
    if (finishes) break;
  }
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{L})\.$/u, '')
    .trim();
}

/** The document's opening pages, as lines joined up to about OPENING characters. */
function openingText(lines: Line[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length > OPENING) break;
    parts.push(line.text);
    length += line.text.length + 1;
  }
  return parts.join('\n');
}

function classify(title: string, headText: string, allText: () => string): DocumentKind {
  const opening = `${title}\n${headText}`;
  if (
    /joint targeted area inspection|\bjoint (?:area )?inspection\b|\bJTAI\b|\b(?:local )?area SEND\b|\bSEND (?:area )?inspection\b|\bjoint (?:local area (?:SEND )?)?(?:re)?visit\b|\bjoint area review\b/i.test(
      opening,
    )
  ) {
    // Area SEND inspections are always Ofsted's and the CQC's together.
    return 'joint_inspection';
  }
  if (inspectoratesIn(headText).length >= 3) return 'joint_inspection';
  if (/\bmonitoring visit\b/i.test(title) || /^monitoring visit\b/im.test(headText)) {
    return 'monitoring_visit';
  }
  if (/\bfocused visit\b/i.test(title) || /^focused visit\b/im.test(headText)) {
    return 'focused_visit';
  }
  if (
    /^(?:re-)?inspection of\b/i.test(title) ||
    /inspection of (?:.+ )?(?:local authority )?children['’]s services|inspection of services for children in need|children['’]s services inspection|single inspection framework|\bILACS\b/i.test(
      opening,
    )
  ) {
    return 'full_inspection';
  }
  // A news report mentions visits and inspections too, so it is recognised first.
  if (looksLikeArticle(headText, allText)) return 'article';
  if (/\bmonitoring visit\b/i.test(headText)) return 'monitoring_visit';
  if (/\bfocused visit\b/i.test(headText)) return 'focused_visit';
  return 'other';
}

function looksLikeArticle(headText: string, whole: () => string): boolean {
  const allText = whole();
  if (/^(?:dear\b|yours sincerely|inspection dates?:|report published:)/im.test(allText))
    return false;
  // Signs of journalism: reported speech, bylines, datelines, captions, third-person reports.
  const cues = [
    /\b(?:said|says|told|according to)\b/i,
    /\b(?:reporter|correspondent|journalist|local democracy reporting)\b/i,
    /^by [\p{Lu}][\p{L}'’-]+ [\p{Lu}][\p{L}'’-]+/imu,
    /\b(?:published|updated):? \d{1,2}(?::\d{2})? ?(?:am|pm)?\b|\b\d{1,2}:\d{2}\b|\blast updated\b/i,
    /\b(?:ofsted|inspectors|the (?:report|letter|inspectorate|watchdog)) (?:has |have )?(?:published|praised|found|said|says|states?|warned|criticised|rated|visited|concluded)\b/i,
    /\b(?:council|authority) (?:spokesperson|spokesman|spokeswoman|leader|cabinet member)\b/i,
    /\b(?:picture|photo(?:graph)?|image|credit):/i,
    /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? /im,
    /\b(?:the full report|read (?:the full|more))\b/i,
  ];
  return cues.filter((re) => re.test(headText) || re.test(allText)).length >= 2;
}

/** Titles that name the area: "Focused visit to Luton children's services", … */
const TITLE_AREA: RegExp[] = [
  // An area SEND report is about the local area partnership, which the title names.
  /^(?:local )?area send (?:full |re-?)?inspection of (?:the )?(.+? local area partnership)$/i,
  /^inspection of (.+?) local authority children['’]s services/i,
  /^(?:focused|monitoring) visit (?:to|of|in) (.+?)(?:['’]s)? (?:local authority )?children['’]s services/i,
  /^joint (?:targeted area )?inspection of .+ in (.+?)$/i,
  /^joint (?:targeted area )?inspection of ([\p{Lu}][\p{L}'’ -]+)$/iu,
  /^joint (?:area )?review of (.+?)(?:['’]s)?(?: children['’]s services| services for children.*)?$/i,
  /^inspection of (.+?)['’]s? children['’]s services/i,
];

/** Lines that never name the authority: a greeting, an addressee's name and job, a date. */
const NOT_AN_AUTHORITY =
  /^(?:dear\b|to\b|for the attention of\b|(?:mr|mrs|ms|miss|dr|professor|cllr)\b)|\b(?:director|chief|executive|officer|manager|head|chair|lead member|inspector|commissioner|scrutineer|constable)\b|,|\d{4}$/i;

function findAuthority(
  head: Line[],
  title: string | null,
  titleIndex: number,
  whole: () => string,
): string | null {
  const fromTitle = title ? authorityInTitle(title) : null;
  if (fromTitle && /local area partnership$/i.test(fromTitle)) return fromTitle;
  // A council named on a line of its own: the letter's address block or the report's cover.
  const named = head.find(
    (l) => l.text.length <= 80 && l.text.split(' ').length <= 8 && COUNCIL_NAME.test(l.text),
  );
  if (named) return named.text.replace(/^the\s+/i, '');
  const onTitleLine = head.map((l) => COUNCIL_TITLE.exec(l.text)).find((m) => m !== null);
  // Both of COUNCIL_TITLE's groups are required: a match fills them.
  if (onTitleLine?.[1] !== undefined) return onTitleLine[1];
  if (fromTitle) return fromTitle;
  // Joint area reviews name the area on the cover: "Fenmoor Children's Services Authority Area".
  const cover = head
    .map((l) => /^(.{2,60}?) children['’]s services authority(?: area)?$/i.exec(l.text))
    .find((m) => m !== null);
  if (cover?.[1] !== undefined) return cover[1];

  // Reports open with the authority's name above the title.
  if (titleIndex > 0) {
    const above = lineAt(head, titleIndex - 1).text;
    if (
      above.split(' ').length <= 7 &&
      /^[\p{Lu}]/u.test(above) &&
      !/[.:]$/.test(above) &&
      !NOT_AN_AUTHORITY.test(above)
    )
      return above;
  }

  // Articles and letters name the area with its children's services.
  const allText = whole();
  const area =
    /\bchildren['’]s services in ((?:[\p{Lu}][\p{L}'’-]+[ -]?){1,4}?)(?=[ ,.;:]|$)/u.exec(
      allText,
    ) ?? /\b((?:[\p{Lu}][\p{L}'’-]+ ){1,3})children['’]s services\b/u.exec(allText);
  // Both patterns' one group is required: a match fills it.
  const areaName = area?.[1]?.trim();
  if (
    areaName !== undefined &&
    !/^(?:The|Inspection|Local|Of|Ofsted|Our|Its|Their)\b/.test(areaName)
  ) {
    return areaName;
  }

  // Otherwise the council most often named.
  return mostNamedCouncil(allText);
}

/** The council a document names most often ("Northshire County Council"), or null. */
export function mostNamedCouncil(allText: string): string | null {
  const counts = new Map<string, number>();
  const re =
    /\b((?:[\p{Lu}][\p{L}'’-]+[ -](?:(?:upon|on|and|under|le)[ -])?){1,4}(?:(?:Metropolitan )?Borough |City |County |District )?Council)\b/gu;
  for (const [, name] of allText.matchAll(re)) {
    // The pattern's one group is required, so every match fills it.
    if (name === undefined) continue;
    // Councils of children and young people are not the authority.
    if (/^(?:Care|Youth|Children|Young|Student|School|Parish|Town)\b|\bin Care Council$/.test(name))
      continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** The area a title names, if it names one ("…response to children's mental health in Sefton"). */
function authorityInTitle(title: string): string | null {
  for (const re of TITLE_AREA) {
    // Each pattern has one required group: a match fills it.
    const area = re.exec(title)?.[1];
    if (area !== undefined && !/^(?:the )?local authority$/i.test(area)) return area.trim();
  }
  return null;
}

const PUBLISHED = new RegExp(
  `^(?:report )?(?:published|publication date|date of publication|date published)(?: on)?:?\\s*${DAY_MONTH_YEAR}`,
  'i',
);
// A dateline, possibly with its weekday, in British or American order.
const DATE_LINE = new RegExp(
  `^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? )?(?:${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR})$`,
  'i',
);

/** "Published: 23 March 2012", "Report published: 15 September 2015", or a letter's date line. */
function publicationDate(head: Line[]): string | null {
  for (const line of head) {
    const m = PUBLISHED.exec(line.text);
    if (m) {
      // DAY_MONTH_YEAR's three groups are required: a match fills them.
      const [, day = '', month = '', year = ''] = m;
      return isoDate(Number(day), month, Number(year));
    }
  }
  // A letter is dated on a line of its own above "Dear …".
  const dear = head.findIndex((l) => /^dear\b/i.test(l.text));
  const limit = dear >= 0 ? dear : Math.min(head.length, 25);
  for (let i = 0; i < limit; i++) {
    const { text } = lineAt(head, i);
    if (DATE_LINE.test(text)) return findDate(text) ?? findMonthFirstDate(text);
  }
  return null;
}

function visitDates(head: Line[], headText: string): { start: string; end: string } | null {
  for (const line of head) {
    const m =
      /^(?:inspection dates?|dates? of (?:inspection|visit|review)|visit dates?|inspected on)\s*:?\s*(.+)$/i.exec(
        line.text,
      );
    // The pattern's one group is required: a match fills it.
    if (m?.[1] !== undefined) {
      const range = findDateRange(m[1]);
      if (range) return range;
    }
  }
  // Letters: "…the findings of a focused visit to X children's services on 14 and 15 February 2019."
  const sentence =
    /\b(?:visit|inspection|inspected|visited)\b[^.]{0,300}?\b(?:on|between|from)\s+((?:\d{1,2}(?:st|nd|rd|th)?(?: \w+)?(?:,? \d{4})?\s*(?:,|-|–|to|and|until)\s*)?\d{1,2}(?:st|nd|rd|th)? \w+,? \d{4})/i.exec(
      headText.replace(/\n/g, ' '),
    );
  return sentence?.[1] !== undefined ? findDateRange(sentence[1]) : null;
}
