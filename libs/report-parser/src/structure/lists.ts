import { lineAt, type Line } from '../layout/line';
import {
  agencyHeadingSubject,
  headingText,
  isClosingText,
  isIntroStatement,
  isNoItemsStatement,
  isNonListSection,
  isOrganisationName,
  isTimescaleHeading,
  ownerColumnHeader,
  ownerFromSubject,
  rank,
  readsLikeRecommendation,
  type Headings,
  type ListHeading,
  type Owner,
} from './headings';
import { type Marker, type MarkerKind } from './markers';
import { readOwnerTable } from './tables';
import { hasBodyLeadIn } from './responsible';

/** An item as found on the page, before its text is interpreted. */
export interface RawItem {
  label: string | null;
  text: string;
  subItems: string[];
  heading: ListHeading;
  theme: string | null;
  /** The timescale sub-heading the item sits under ("Within three months"). */
  timescaleHeading: string | null;
  /** Who the list, its intro or an agency heading addresses; null means the council. */
  owner: Owner | null;
  /** The bodies a table's left column names for this item, as written; they must act. */
  bodies: string | null;
  page: number;
}

type Part = 'authority' | 'board';

/** Finds every recommendation list in the document and returns its items in order. */
export function findListItems(layout: Headings): RawItem[] {
  const { lines } = layout;
  const titleEnd = titleBlockEnd(lines);
  const items: RawItem[] = [];
  let part: Part = 'authority';
  let parent: { heading: ListHeading; line: Line } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lineAt(lines, i);
    if (i >= titleEnd) part = partSwitch(layout, i) ?? part;
    if (!layout.isHeadingCandidate(i)) continue;
    const heading = layout.listHeading(i);
    if (!heading) {
      // Any other heading of the parent's rank or above closes the parent's scope.
      if (parent && layout.isHeadingLike(i) && rank(line) >= rank(parent.line) - 0.01)
        parent = null;
      continue;
    }
    if (heading.parent) {
      parent = { heading, line };
      // A parent heading followed directly by items is a list heading itself.
      const next = nextContent(layout, i + 1);
      if (next < 0 || layout.listHeading(next)) continue;
    }
    const inherited: ListHeading =
      parent && parent.heading !== heading
        ? { ...heading, owner: heading.owner ?? parent.heading.owner }
        : heading;
    const owner: Owner | null = inherited.owner ?? (part === 'board' ? { kind: 'board' } : null);
    const result = readList(layout, i, { ...inherited, owner });
    items.push(...result.items);
    if (result.closedBy === 'section') parent = null;
    i = result.end - 1;
  }
  return items;
}

interface ListResult {
  items: RawItem[];
  /** Index of the first line after the list. */
  end: number;
  closedBy: 'list' | 'section' | 'end';
}

interface Draft {
  label: string | null;
  lines: string[];
  subItems: string[][];
  theme: string | null;
  timescaleHeading: string | null;
  owner: Owner | null;
  bodies: string | null;
  page: number;
  /** Left edge of the item's marker, to tell nested markers and continuation lines apart. */
  x: number;
}

/**
 * Reads the items under one list heading. Items start at a marker of the list's kind (the
 * first marker seen sets it) or, in a list without markers, at each paragraph. Sub-headings
 * inside the list set a theme, a timescale or an agency; anything else that looks like a
 * heading, a letter's closing words or prose after the last item ends the list.
 */
function readList(layout: Headings, headingIndex: number, heading: ListHeading): ListResult {
  const { lines } = layout;
  const headingLine = lineAt(lines, headingIndex);
  const drafts: Draft[] = [];
  let kind: MarkerKind | 'paragraph' | null = null;
  let baseX = 0;
  let glyph: string | null = null;
  let lastNumber: number | null = null;
  let theme: string | null = null;
  let timescaleHeading: string | null = heading.timescaleText;
  let owner: Owner | null = heading.owner;
  let current: Draft | null = null;
  let inSubItem = false;
  let leadIn = 0;
  // In a list of paragraphs, whether the items so far follow one another without a gap (text
  // copied without blank lines), so that a new item is told by how its sentence opens.
  let gapless = true;
  // Whether the timescale in force came from an agency heading ("Within six months, X should:").
  let agencyTimescale = false;

  // An item starts under whatever theme, timescale and owner are in force at that point.
  const newDraft = (line: Line, label: string | null, firstText: string): Draft => ({
    label,
    lines: firstText ? [firstText] : [],
    subItems: [],
    theme,
    timescaleHeading,
    owner,
    bodies: null,
    page: line.page,
    x: line.x,
  });

  const finish = (end: number, closedBy: ListResult['closedBy']): ListResult => ({
    items: drafts
      .filter((d) => d.lines.join(' ').trim().length > 0 || d.subItems.length > 0)
      .map((d) => toRawItem(d, heading, layout)),
    end,
    closedBy,
  });

  for (let j = headingIndex + 1; j < lines.length; j++) {
    const line = lineAt(lines, j);
    const text = line.text;
    const marker = layout.marker(j);

    if (layout.listHeadingAt(j)) return finish(j, 'list');
    if (isClosingText(text)) return finish(j, 'section');

    // "Responsible body | Areas for priority action": each row an item for its left cell.
    const table = ownerColumnHeader(text) !== null && readOwnerTable(layout, j, heading.section);
    if (table) {
      for (const row of table.rows) {
        current = newDraft(line, null, '');
        current.lines = row.lines;
        current.bodies = row.bodies;
        current.page = row.page;
        drafts.push(current);
      }
      current = null;
      j = table.end - 1;
      continue;
    }
    if (partSwitch(layout, j) !== null && !marker) return finish(j, 'section');

    // A footnote, footer or header between two items, where a page ends, is skipped.
    if (
      !marker &&
      current !== null &&
      kind !== 'paragraph' &&
      line.gapBefore &&
      !continuesSentence(current, inSubItem)
    ) {
      const resume = pageBreakInterruption(layout, j, { glyph, lastNumber });
      if (resume > j) {
        j = resume - 1;
        continue;
      }
    }

    // Sub-headings may restart the numbering, so it is checked afresh after each.
    if (isTimescaleHeading(text)) {
      timescaleHeading = headingText(text);
      agencyTimescale = false;
      current = null;
      lastNumber = null;
      continue;
    }
    // "Northvale Police should:", possibly numbered and wrapped over two lines.
    // (Only a sentence that ends in a colon can be one: most lines are passed over unread.)
    const sentence = endsInColon(layout, j)
      ? sentenceFrom(layout, j, marker ? marker.rest : text)
      : { text: '', last: j };
    const agency = sentence.text ? agencyHeadingSubject(sentence.text) : null;
    if (agency !== null) {
      j = sentence.last;
      // "Within six months, the local authority should:" sets a timescale and an owner.
      const lead = /^((?:immediately|within [^,]{3,40}|by [^,]{3,40}),)\s*(.+)$/i.exec(agency);
      // Both groups of the pattern are required, so a match fills them.
      const subject = lead?.[2] ?? agency;
      // Its own timescale holds until the next agency; a timescale sub-heading's holds on.
      if (lead || agencyTimescale) {
        timescaleHeading = lead?.[1] !== undefined ? headingText(lead[1]) : heading.timescaleText;
      }
      agencyTimescale = lead !== null;
      owner = ownerFromSubject(subject) ?? { kind: 'named', names: [subject] };
      current = null;
      lastNumber = null;
      continue;
    }

    const phraseItem =
      kind === 'paragraph' &&
      !layout.isStyled(line) &&
      drafts.every((d) => !/[.!?:]["”’)]?$/.test(d.lines[d.lines.length - 1] ?? ''));
    if (
      !marker &&
      layout.isHeadingLike(j) &&
      !(current && continuesSentence(current, inSubItem)) &&
      // In a list of phrases without full stops, a short line in the items' type is an item.
      !(phraseItem && !isNonListSection(text) && line.gapBefore)
    ) {
      if (isNonListSection(text) || rank(line) > rank(headingLine) + 0.25) {
        return finish(j, 'section');
      }
      if (!themeContinuesList(layout, j, headingLine, kind, baseX, lastNumber)) {
        return finish(j, 'section');
      }
      theme = headingText(text);
      // In joint inspection letters a sub-heading may simply name the agency that must act.
      if (isOrganisationName(theme)) {
        owner = ownerFromSubject(theme) ?? {
          kind: 'named',
          names: [theme.replace(/^the\s+/i, '')],
        };
      }
      current = null;
      lastNumber = null;
      continue;
    }

    if (isNoItemsStatement(text) && current === null) continue;

    // Words before the first item: an introduction ("…should take the following action."),
    // possibly numbered as a paragraph and wrapped over several lines.
    if (drafts.length === 0 && marker?.kind !== 'bullet') {
      const intro = sentenceFrom(layout, j, marker ? marker.rest : text);
      if (isIntroStatement(intro.text)) {
        // "X, Y and Z need to take swift and decisive action to ensure that:" — the items
        // that finish the sentence are X's, Y's and Z's.
        const subject = introSubject(intro.text);
        if (subject) {
          owner =
            ownerFromSubject(subject) ??
            (hasBodyLeadIn(`${subject} should`) ? { kind: 'named', names: [subject] } : owner);
        }
        leadIn++;
        j = intro.last;
        continue;
      }
    }

    // "…from the age of" / "14.": a number that ends a sentence wrapped onto its own line.
    if (marker?.kind === 'number' && !marker.rest && current) {
      const before = targetLines(current, inSubItem);
      if (/\p{Ll}$/u.test(before[before.length - 1] ?? '')) {
        before.push(text);
        continue;
      }
    }

    if (marker) {
      // A glyph left on a line of its own before a heading or the end is decoration.
      if (marker.kind === 'bullet' && !marker.rest && strayGlyph(layout, j)) continue;
      // A paragraph item that ends in a colon, or is already among its sub-bullets, takes the
      // bullets that follow as its own, whatever their glyph.
      if (kind === 'paragraph' && current && (inSubItem || endsLeadIn(current.lines))) {
        current.subItems.push(marker.rest ? [marker.rest] : []);
        inSubItem = true;
        continue;
      }
      // Numbered paragraphs after a bulleted list are the report's text going on.
      if (kind === 'bullet' && marker.kind === 'number' && current && !endsLeadIn(current.lines)) {
        if (line.x <= baseX + 8) return finish(j, 'section');
      }
      const top = isTopLevel(marker, line.x, { kind, baseX, glyph }, current, inSubItem);
      if (kind === null || kind === 'paragraph' || top) {
        if (kind === 'number' && lastNumber !== null && Number(marker.label) <= lastNumber - 1) {
          // Numbering starting again means a different, later list of paragraphs.
          return finish(j, 'section');
        }
        if (kind === null || kind === 'paragraph') {
          kind = marker.kind;
          baseX = line.x;
          glyph = marker.kind === 'bullet' ? marker.label : null;
        }
        if (marker.kind === 'number') lastNumber = Number(marker.label);
        current = newDraft(line, marker.kind === 'bullet' ? null : marker.label, marker.rest);
        drafts.push(current);
        inSubItem = false;
        continue;
      }
      if (current) {
        current.subItems.push(marker.rest ? [marker.rest] : []);
        inSubItem = true;
        continue;
      }
      return finish(j, 'section');
    }

    // A plain line. A bare number inside a list is a page number the text layer misplaced.
    if (/^\d{1,3}$/.test(text) && current !== null) continue;
    if (current === null) {
      if (kind === null && drafts.length === 0 && startsParagraphList(layout, j, headingIndex)) {
        gapless = true;
        kind = 'paragraph';
        baseX = line.x;
        current = newDraft(line, null, text);
        drafts.push(current);
        continue;
      }
      if (kind === 'paragraph' && line.gapBefore && isParagraphItem(layout, j, gapless)) {
        current = newDraft(line, null, text);
        drafts.push(current);
        continue;
      }
      // Too much unexplained text before any item: this was not a list (a contents entry or a
      // heading quoted in prose).
      if (++leadIn > 4 || /^\d{1,3}$/.test(text)) return finish(j, 'section');
      continue;
    }

    if (kind === 'paragraph') {
      const target = targetLines(current, inSubItem);
      if (paragraphBreak(layout, j, target, gapless, inSubItem)) {
        if (!isParagraphItem(layout, j, gapless, phraseItem)) return finish(j, 'section');
        if (line.gapBefore) gapless = false;
        current = newDraft(line, null, text);
        drafts.push(current);
        inSubItem = false;
        continue;
      }
      target.push(text);
      continue;
    }

    const target = targetLines(current, inSubItem);
    const proseAfterList =
      line.gapBefore &&
      !continuesSentence(current, inSubItem) &&
      line.x <= current.x + 4 &&
      target.length > 0;
    if (proseAfterList) {
      // A paragraph that names who must act ("Northvale Police should ensure…") carries on the
      // list in letters that give each agency its own paragraph; other prose ends it.
      const paragraph = paragraphAt(layout, j);
      if (!isParagraphItem(layout, j, false) || !hasBodyLeadIn(paragraph)) {
        return finish(j, 'section');
      }
      current = newDraft(line, null, text);
      drafts.push(current);
      inSubItem = false;
      continue;
    }
    if (inSubItem && line.x < current.x + 4 && line.size !== null && !line.gapBefore) {
      // Back at the item's own margin after its sub-bullets (a trailing reference).
      current.lines.push(text);
      continue;
    }
    target.push(text);
  }
  return finish(lines.length, 'end');
}

function toRawItem(draft: Draft, heading: ListHeading, layout: Headings): RawItem {
  return {
    label: draft.label,
    text: layout.join(draft.lines),
    subItems: draft.subItems.map((sub) => layout.join(sub)).filter((s) => s.length > 0),
    heading,
    theme: draft.theme,
    timescaleHeading: draft.timescaleHeading,
    owner: draft.owner,
    bodies: draft.bodies,
    page: draft.page,
  };
}

/**
 * The lines a plain line goes on: the item's last sub-item's while among its sub-items, else the
 * item's own. Among sub-items with none, it throws, as reading from the missing one did.
 */
function targetLines(current: Draft, inSubItem: boolean): string[] {
  if (!inSubItem) return current.lines;
  const last = current.subItems[current.subItems.length - 1];
  if (last === undefined) throw new TypeError('A list item is among its sub-items but has none');
  return last;
}

function isTopLevel(
  marker: Marker,
  x: number,
  list: { kind: MarkerKind | 'paragraph' | null; baseX: number; glyph: string | null },
  current: Draft | null,
  inSubItem: boolean,
): boolean {
  const { kind, baseX } = list;
  if (kind === null || kind === 'paragraph') return true;
  // "(i)" is a roman numeral in a roman list and the ninth letter in a lettered one.
  const sameKind =
    marker.kind === kind ||
    (kind === 'letter' && marker.kind === 'roman' && marker.label.length === 1);
  if (!sameKind) return false;
  // Same kind of marker: a deeper indent makes it a sub-item.
  if (x > baseX + 8) return false;
  // Another bullet glyph after an item that ends in a colon, or among its sub-bullets, belongs
  // to that item ("– … of:" then "o …"); the list's own glyph at its margin starts a new item.
  if (marker.kind === 'bullet' && current && marker.label !== list.glyph) {
    return !(inSubItem || /:$/.test(current.lines.join(' ').trim()));
  }
  return true;
}

/** Whether the item (or its last sub-item) stops mid-sentence, so the next line continues it. */
function continuesSentence(current: Draft, inSubItem: boolean): boolean {
  const lines = inSubItem ? (current.subItems[current.subItems.length - 1] ?? []) : current.lines;
  const last = lines[lines.length - 1];
  if (last === undefined) return true;
  // A colon promises more: sub-items or the rest of the sentence.
  return !/[.!?;)’'"”]$/.test(last.trim()) || /\b(?:e\.g|i\.e|etc|no|para|paras)\.$/i.test(last);
}

/** A heading inside a list is a theme only when the list's items carry on after it. */
function themeContinuesList(
  layout: Headings,
  index: number,
  headingLine: Line,
  kind: MarkerKind | 'paragraph' | null,
  baseX: number,
  lastNumber: number | null,
): boolean {
  const next = nextContent(layout, index + 1, true);
  if (next < 0) return false;
  const line = lineAt(layout.lines, next);
  const marker = layout.marker(next);
  const lowerRank = rank(lineAt(layout.lines, index)) < rank(headingLine) - 0.25;
  if (kind === 'paragraph') return !marker && lowerRank && isParagraphItem(layout, next, false);
  if (!marker) return false;
  if (kind !== null && (marker.kind !== kind || Math.abs(line.x - baseX) > 8)) return false;
  if (lowerRank) return true;
  // Same rank or no type style to go by: the items after it must carry on the list.
  const continuesNumbering =
    marker.kind === 'number' && lastNumber !== null && Number(marker.label) === lastNumber + 1;
  return (
    readsLikeRecommendation(marker.rest || textAfter(layout, next)) &&
    (continuesNumbering || marker.kind !== 'number' || lastNumber === null)
  );
}

/** Whether the sentence starting at line `index` (as `sentenceFrom` reads it) ends in a colon. */
function endsInColon(layout: Headings, index: number): boolean {
  for (let k = index; k < layout.lines.length && k < index + 6; k++) {
    const line = lineAt(layout.lines, k);
    const text = line.text;
    if (k > index && (line.gapBefore || layout.marker(k))) return false;
    const last = text.charCodeAt(text.length - 1);
    // : . ! ?
    if (last === 58) return true;
    if (last === 46 || last === 33 || last === 63) return false;
  }
  return false;
}

/** The sentence starting at line `index` (with `first` as its text), across wrapped lines. */
function sentenceFrom(
  layout: Headings,
  index: number,
  first: string,
): { text: string; last: number } {
  const parts = [first];
  let last = index;
  for (let k = index + 1; k < layout.lines.length && k < index + 6; k++) {
    const line = lineAt(layout.lines, k);
    // parts is never empty: it starts with `first`.
    if (/[.:!?]$/.test(parts[parts.length - 1] ?? '') || line.gapBefore || layout.marker(k)) break;
    parts.push(line.text);
    last = k;
  }
  return { text: layout.join(parts), last };
}

/** The first words after a marker that stands alone on its line ("9."), past stray page numbers. */
function textAfter(layout: Headings, index: number): string {
  for (let k = index + 1; k < Math.min(layout.lines.length, index + 4); k++) {
    const { text } = lineAt(layout.lines, k);
    if (!/^\d{1,3}$/.test(text)) return text;
  }
  return '';
}

/**
 * In a list without markers, is the paragraph at `index` an item? A line that looks like a
 * heading is one only among items written as phrases (`phrases`).
 */
function isParagraphItem(
  layout: Headings,
  index: number,
  gapless: boolean,
  phrases = false,
): boolean {
  const paragraph = paragraphAt(layout, index, gapless);
  if (paragraph.length > 700 || paragraph.length < 12) return false;
  const sentences = paragraph.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
  return (
    sentences <= 3 &&
    !isClosingText(paragraph) &&
    (phrases ? !isNonListSection(paragraph) : !layout.isHeadingLike(index))
  );
}

function startsParagraphList(layout: Headings, index: number, headingIndex: number): boolean {
  if (!isParagraphItem(layout, index, true)) return false;
  const paragraph = paragraphAt(layout, index, true);
  // Under a heading that stands as one, plain paragraphs are the items, whether they say what
  // to do or state the weakness ("Leaders do not have a clear understanding of…").
  return (
    readsLikeRecommendation(paragraph) ||
    /^the\b/i.test(paragraph) ||
    (layout.isHeadingLike(headingIndex) && !isIntroStatement(paragraph))
  );
}

/** The paragraph item starting at `index`, up to a gap, a marker or (gapless) the next item. */
function paragraphAt(layout: Headings, index: number, gapless = false): string {
  const { lines } = layout;
  const parts = [lineAt(lines, index).text];
  for (let k = index + 1; k < lines.length; k++) {
    const line = lineAt(lines, k);
    if (line.gapBefore || layout.marker(k)) break;
    if (gapless && paragraphBreak(layout, k, parts, true, false)) break;
    parts.push(line.text);
  }
  return layout.join(parts);
}

/** Whether the last line so far ends an item's lead-in with a colon. */
function endsLeadIn(lines: string[]): boolean {
  return /:$/.test(lines[lines.length - 1] ?? '');
}

/**
 * Whether a plain line in a list of paragraphs starts the next item rather than carrying on
 * `before` (the item's or its last sub-bullet's lines). A gap after a finished sentence starts
 * one; without gaps, a line that opens a new sentence with a subject of its own and a duty
 * ("Leaders across the partnership should…"), or, after sub-bullets, any new sentence at all.
 */
function paragraphBreak(
  layout: Headings,
  index: number,
  before: string[],
  gapless: boolean,
  afterSubItems: boolean,
): boolean {
  const line = lineAt(layout.lines, index);
  const last = before[before.length - 1];
  if (last === undefined || !/^[\p{Lu}“"‘']/u.test(line.text)) return false;
  // Items written as phrases end without a full stop: after a gap, only a line that plainly
  // goes on ("…and", "…of the", a comma) carries on the item.
  if (line.gapBefore) return !/(?:,|\b(?:and|or|of|the|to|for|with|in|a|an))$/i.test(last);
  if (!/[.!?]["”’)]?$/.test(last)) return false;
  if (afterSubItems) return true;
  if (!gapless) return false;
  // A line that stops well short of the others, when the next line's first word would have
  // fitted on it, was ended on purpose: the next item begins.
  const width = Math.max(...before.map((t) => t.length), line.text.length);
  const firstWord = /^\S+/.exec(line.text)?.[0].length ?? 0;
  if (before.length > 0 && last.length + 1 + firstWord < width * 0.7) return true;
  return opensItem(sentenceFrom(layout, index, line.text).text);
}

/**
 * A sentence that opens a new item: its own subject (not "They", "This" or a connective) and a
 * duty within the first words ("Area leaders need a partnership approach…", "Health leaders
 * should…"), or an imperative ("Ensure that…").
 */
function opensItem(sentence: string): boolean {
  if (
    /^(?:they|this|these|that|those|it|its|their|such|also|in addition|additionally|however|as a result|therefore|thus|there)\b/i.test(
      sentence,
    )
  ) {
    return false;
  }
  return (
    /^(?:[\p{L}’'-]+,? ){1,9}?(?:should|must|needs?(?: urgently)? (?:to|a|an)|will need to|are required to|is required to|ought to)\b/iu.test(
      sentence,
    ) ||
    /^(?:ensure|improve|develop|strengthen|review|establish|implement|provide|reduce|increase)\b/i.test(
      sentence,
    )
  );
}

/**
 * Text that stands between two items only because a page ends there: a footnote at the foot of
 * the page (under its number, or not), a running footer or header that appears too seldom to be
 * recognised as one, as text copied from a PDF leaves them. It is a few lines that cross into the
 * next page, where the list's next item follows. Returns the index of that item, or -1.
 */
function pageBreakInterruption(
  layout: Headings,
  index: number,
  list: { glyph: string | null; lastNumber: number | null },
): number {
  const { lines } = layout;
  const lastItemPage = lines[index - 1]?.page ?? lineAt(lines, index).page;
  for (let k = index; k < lines.length && k <= index + 3; k++) {
    const line = lineAt(lines, k);
    const marker = layout.marker(k);
    if (!marker) {
      // A heading of another part ("The local authority's strengths") ends the list; numbered
      // paragraphs run on through a whole report, so there any heading does.
      const heading = layout.isHeadingLike(k);
      if (heading && (list.glyph === null || isNonListSection(line.text))) return -1;
      if (layout.listHeading(k) || layout.isStyled(line)) return -1;
      continue;
    }
    // The list goes on: its own glyph, or the next number.
    const next =
      marker.kind === 'bullet'
        ? marker.label === list.glyph
        : list.lastNumber !== null && Number(marker.label) === list.lastNumber + 1;
    return next && line.page > lastItemPage && k > index ? k : -1;
  }
  return -1;
}

/** A bullet glyph alone on its line, followed by a heading or nothing: not an item. */
function strayGlyph(layout: Headings, index: number): boolean {
  const next = index + 1;
  return next >= layout.lines.length || (!layout.marker(next) && layout.isHeadingLike(next));
}

/** "…the local authority and its partners should take the following action." -> the subject. */
function introSubject(text: string): string | null {
  const opening = text.replace(
    /^(?:(?:in order to|to improve|to|within|by|for|immediately|as a priority)\b[^,]{0,80},\s*)/i,
    '',
  );
  const m =
    /^(.{2,200}?)\s+(?:should|must|needs? to|will need to|are required to|is required to)\b/i.exec(
      opening,
    );
  return m?.[1] ?? null;
}

/** The next line that is not a heading continuation, or -1. */
function nextContent(layout: Headings, from: number, skipHeadings = false): number {
  let headings = 0;
  for (let k = from; k < layout.lines.length; k++) {
    const { text } = lineAt(layout.lines, k);
    if (isTimescaleHeading(text) || agencyHeadingSubject(text) !== null) continue;
    if (skipHeadings && headings < 2 && !layout.marker(k) && layout.isHeadingLike(k)) {
      headings++;
      continue;
    }
    if (skipHeadings && headings > 0 && /^\p{Ll}/u.test(text) && k === from + headings) {
      // The heading wrapped onto a second line.
      continue;
    }
    return k;
  }
  return -1;
}

const BOARD_PART =
  /^(?:section \d+:?\s*)?(?:the |a )?(?:review of the |effectiveness of the )*(?:the )?(?:local )?safeguarding children(?:['’]s)? (?:board|partnership)\b|^(?:the )?lscb\b/i;
const AUTHORITY_PART =
  /^(?:section \d+:?\s*)?(?:the )?local authority$|^inspection judgements? about the local authority$|^the local authority['’]s (?:services|arrangements)$/i;

/** Headings that start the local authority's or the safeguarding board's part of a report. */
function partSwitch(layout: Headings, index: number): Part | null {
  const line = lineAt(layout.lines, index);
  if (!layout.isHeadingLike(index) && line.bold !== true) return null;
  const text = headingText(line.text);
  const next = layout.lines[index + 1];
  const joined = next && !next.gapBefore ? `${text} ${headingText(next.text)}` : text;
  if (BOARD_PART.test(text) || BOARD_PART.test(joined)) return 'board';
  if (AUTHORITY_PART.test(text)) return 'authority';
  return null;
}

/** The title block (before the inspection or publication dates) names the board in its title. */
function titleBlockEnd(lines: Line[]): number {
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    if (
      /^(?:inspection dates?|report published|published|date of (?:inspection|publication))\b/i.test(
        lineAt(lines, i).text,
      )
    ) {
      return i + 1;
    }
  }
  return 0;
}
