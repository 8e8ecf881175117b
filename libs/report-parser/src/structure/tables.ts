import { joinLines, lineAt, type Line } from '../layout/line';
import { isClosingText, ownerColumnHeader, type Headings } from './headings';

/** One row of a table whose left column names who must act. */
export interface TableRow {
  /** The left cell's text: the bodies that must act, as written ("X Council and NHS Y ICB"). */
  bodies: string;
  /** The right cell's lines: the item. */
  lines: string[];
  page: number;
}

export interface OwnerTable {
  rows: TableRow[];
  /** Index of the first line after the table. */
  end: number;
}

/** A fragment of one column: a line's part in that column, where it stands. */
interface CellLine {
  text: string;
  /** Page and vertical position folded into one comparable number; null for copied text. */
  at: number | null;
  page: number;
  /** A blank line or paragraph gap precedes it. */
  gap: boolean;
}

/** Words a body's name ends with: the left cell is complete when its text does. */
const NAME_END =
  /\b(?:council|board|icb|ccg|trust|police|constabulary|service|services|partnership|group|authority|team|company|hospitals?|commissioner|probation|college|school|academy|providers?|partners|agency)$/i;
/** A name that goes on: it ends with a joining word, a comma or a prefix. */
const NAME_GOES_ON = /(?:\b(?:and|of|for|the|&|nhs)|,)$/i;

/**
 * Reads a two-column table whose left column names the bodies that must act and whose right
 * column holds the items ("Responsible body | Areas for priority action" in area SEND reports).
 * Each row is one item. Rows may be cut by a page break, with the running footer and page number
 * (already gone) inside the row in both columns, and names wrap over several lines of the left
 * column. `start` is the header line; `listSection` the heading the table sits under, which text
 * copied column by column repeats as the right column's header.
 *
 * Returns null when the line is not such a header or no rows follow.
 */
export function readOwnerTable(
  layout: Headings,
  start: number,
  listSection: string,
): OwnerTable | null {
  const { lines } = layout;
  const header = lineAt(lines, start);
  if (ownerColumnHeader(header.text) === null) return null;
  const region = tableRegion(layout, start, listSection);
  if (region.end <= start + 1) return null;
  const columns = splitColumns(lines, start, region);
  if (!columns) return null;
  const { left, right } = columns;
  const tolerance = header.size === null ? 0 : 3;
  const sideBySide = left.every((l) => l.at !== null) && right.every((r) => r.at !== null);
  const cells = sideBySide ? cellsBesideRows(left, right, tolerance) : leftCells(left);
  if (cells.length === 0 || right.length === 0) return null;
  const rows = sideBySide ? rowsByPosition(cells, right, tolerance) : rowsByCount(cells, right);
  return rows.length > 0 ? { rows, end: region.end } : null;
}

interface Region {
  end: number;
  /** Index of the right column's own header line in text copied column by column. */
  skip: number;
}

/** The table runs until a line left of its left column, a heading, or the letter's close. */
function tableRegion(layout: Headings, start: number, listSection: string): Region {
  const { lines } = layout;
  const header = lineAt(lines, start);
  const leftX = header.cellX[0] ?? header.x;
  const copied = header.size === null && header.cells.length < 2;
  let skip = -1;
  let k = start + 1;
  for (; k < lines.length; k++) {
    const line = lineAt(lines, k);
    if (isClosingText(line.text)) break;
    if (copied) {
      // Text copied column by column: the right column starts with its own header.
      if (skip < 0 && layout.listHeading(k)?.section === listSection) {
        skip = k;
        continue;
      }
      if (layout.listHeadingAt(k)) break;
      if (line.gapBefore && layout.isHeadingLike(k) && !nameLike(line.text)) break;
      continue;
    }
    if (line.x < leftX - 2 || layout.listHeadingAt(k)) break;
    if (line.size !== null && layout.isStyled(line) && layout.isHeadingLike(k)) break;
  }
  return { end: k, skip };
}

/** Splits the table's lines into the left (bodies) and right (items) columns. */
function splitColumns(
  lines: Line[],
  start: number,
  region: Region,
): { left: CellLine[]; right: CellLine[] } | null {
  const header = lineAt(lines, start);
  const left: CellLine[] = [];
  const right: CellLine[] = [];
  const body = lines.slice(start + 1, region.end);
  const at = (line: Line): number => line.page * 100000 + line.y;

  if (header.size === null && header.cells.length < 2) {
    // Copied column by column: blocks of names, then blocks of text. A block is one column.
    let column: CellLine[] | null = null;
    body.forEach((line, offset) => {
      const index = start + 1 + offset;
      if (index === region.skip) {
        column = right;
        return;
      }
      if (line.gapBefore || column === null) column = nameLike(line.text) ? left : right;
      if (column === left && !nameLike(line.text)) column = right;
      column.push({ text: line.text, at: null, page: line.page, gap: line.gapBefore });
    });
    return { left, right };
  }

  // Laid out side by side: the right column starts where the header's second cell does (text
  // laid out with spaces), or at the first line well right of the left column (PDF).
  const leftX = header.cellX[0] ?? header.x;
  const rightX =
    header.cells.length >= 2
      ? // cellX has one entry per cell; NaN (refused below) if not.
        (header.cellX[1] ?? NaN)
      : Math.min(...body.map((l) => l.x).filter((x) => x > leftX + 40));
  if (!Number.isFinite(rightX)) return null;
  const tolerance = header.size === null ? 6 : 5;
  for (const line of body) {
    const leftParts: string[] = [];
    const rightParts: string[] = [];
    line.cells.forEach((cell, i) => {
      const x = line.cellX[i] ?? line.x;
      (x < rightX - tolerance ? leftParts : rightParts).push(cell);
    });
    const where = { at: at(line), page: line.page, gap: line.gapBefore };
    if (leftParts.length) left.push({ text: leftParts.join(' '), ...where });
    if (rightParts.length) right.push({ text: rightParts.join(' '), ...where });
  }
  return { left, right };
}

/**
 * A line that can be part of an organisation's name: short, no sentence in it, every word
 * capitalised but the joining ones ("Council and NHS", "Northamptonshire Children’s").
 */
function nameLike(text: string): boolean {
  if (text.length > 60 || /[.;:!?]/.test(text)) return false;
  return text
    .split(/[\s,]+/)
    .filter((w) => w.length > 0)
    .every((w) => /^[\p{Lu}\d(&]/u.test(w) || /^(?:and|of|for|the|in|on|upon|with)$/.test(w));
}

interface Cell {
  lines: string[];
  at: number | null;
  page: number;
}

/**
 * Side by side, a row's cells start level with each other: a left-column line starts a new cell
 * where the right column starts a new item beside it (a capital after a finished sentence) and
 * the name so far is finished. Bodies listed on lines of their own ("X City Council" / "NHS Y
 * ICB") stay in one cell.
 */
function cellsBesideRows(left: CellLine[], right: CellLine[], tolerance: number): Cell[] {
  const cells: Cell[] = [];
  for (const line of left) {
    const beside = right.findIndex((r) => Math.abs((r.at ?? 0) - (line.at ?? 0)) <= tolerance);
    const besideLine = right[beside];
    // Past the first right-column line, the one before it exists.
    const fresh =
      besideLine !== undefined &&
      /^[\p{Lu}“"‘']/u.test(besideLine.text) &&
      (beside === 0 || /[.!?]["”’)]?$/.test(right[beside - 1]?.text ?? ''));
    const current = cells[cells.length - 1];
    // A name that goes on ("…Council, NHS") keeps its row whatever the right column does.
    const goesOn = current !== undefined && NAME_GOES_ON.test(current.lines.join(' '));
    if (!current || (fresh && !goesOn)) {
      cells.push({ lines: [line.text], at: line.at, page: line.page });
    } else {
      current.lines.push(line.text);
    }
  }
  return cells;
}

/**
 * Copied column by column, cuts the left column into cells: a new cell starts after a complete name ("…Trust"), or after
 * a gap in the column (lines of the right column alone, a blank line), unless the name so far
 * goes on ("…Nottingham and").
 */
function leftCells(left: CellLine[]): Cell[] {
  const cells: Cell[] = [];
  let previous: CellLine | null = null;
  for (const line of left) {
    const current = cells[cells.length - 1];
    const soFar = current ? current.lines.join(' ') : '';
    const goesOn = NAME_GOES_ON.test(soFar) || /^\p{Ll}/u.test(line.text);
    const apart =
      previous !== null &&
      (line.gap ||
        (line.at !== null && previous.at !== null && line.at - previous.at > 25) ||
        line.page !== previous.page);
    if (!current || (!goesOn && (NAME_END.test(soFar) || apart))) {
      cells.push({ lines: [line.text], at: line.at, page: line.page });
    } else {
      current.lines.push(line.text);
    }
    previous = line;
  }
  return cells;
}

/** A left cell's lines as one list of bodies: a finished name on its own line is one body. */
function joinNames(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (out && NAME_END.test(out) && /^\p{Lu}/u.test(line)) out += `, ${line}`;
    else out = joinLines([out, line]);
  }
  return out;
}

/**
 * Side by side: each right-column line belongs to the row whose left cell starts level with it
 * or above it (within `tolerance`, as PDF cells' baselines differ by a fraction of a point).
 */
function rowsByPosition(cells: Cell[], right: CellLine[], tolerance: number): TableRow[] {
  const rows = cells.map((cell) => ({
    bodies: joinNames(cell.lines),
    lines: [] as string[],
    page: cell.page,
  }));
  for (const line of right) {
    let row = 0;
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (cell === undefined) break;
      if ((cell.at ?? 0) <= (line.at ?? 0) + tolerance) row = k;
    }
    // rows maps cells one to one, and the caller gives at least one cell.
    rows[row]?.lines.push(line.text);
  }
  return rows.filter((r) => r.lines.length > 0);
}

/**
 * Copied column by column, the rows' positions are lost: the right column is cut into as many
 * items as the left column has cells, at the sentence starts that best fit each row. A blank
 * line before a sentence counts for most; then a subject that names the row's bodies ("Health
 * leaders" in a row for the integrated care board).
 */
function rowsByCount(cells: Cell[], right: CellLine[]): TableRow[] {
  const n = cells.length;
  const bodies = cells.map((c) => joinNames(c.lines));
  // Places where an item may start: a line that opens a sentence.
  const starts: Array<{ index: number; score: (row: number) => number }> = [];
  right.forEach((line, index) => {
    // The first line opens the first item: it is never a cut.
    const previous = right[index - 1];
    if (previous === undefined) return;
    if (!/[.!?]["”’)]?$/.test(previous.text) || !/^[\p{Lu}“"‘']/u.test(line.text)) return;
    const base = line.gap || line.page !== previous.page ? 3 : 0;
    const subject = subjectScope(line.text);
    // Scores are asked for rows 1..n-1 only, each with its bodies.
    starts.push({
      index,
      score: (row) => base + scopeFit(subject, bodies[row] ?? '') - index * 1e-3,
    });
  });
  const cuts = bestCuts(starts, n - 1);
  const bounds = [0, ...cuts, right.length];
  const rows: TableRow[] = [];
  for (const [r, body] of bodies.entries()) {
    // With fewer cuts than rows, bounds runs out: slice(undefined) meant from 0, kept as it was.
    const part = right.slice(bounds[r] ?? 0, bounds[r + 1] ?? right.length);
    const [first] = part;
    if (first === undefined) continue;
    rows.push({ bodies: body, lines: part.map((l) => l.text), page: first.page });
  }
  return rows;
}

/** Chooses `count` of the starts, in order, with the highest total score for rows 1..count. */
function bestCuts(
  starts: Array<{ index: number; score: (row: number) => number }>,
  count: number,
): number[] {
  if (count <= 0) return [];
  if (starts.length <= count) return starts.map((s) => s.index);
  // best[i][r]: best total choosing start i as the cut that opens row r + 1.
  const m = starts.length;
  const best: number[][] = starts.map(() => new Array<number>(count).fill(-Infinity));
  const from: number[][] = starts.map(() => new Array<number>(count).fill(-1));
  // best, from and starts all have m rows of `count` entries: the defaults below never apply.
  for (let i = 0; i < m; i++) {
    const start = starts[i];
    const bestI = best[i];
    const fromI = from[i];
    if (start === undefined || bestI === undefined || fromI === undefined) break;
    bestI[0] = start.score(1);
    for (let r = 1; r < count; r++) {
      for (let p = 0; p < i; p++) {
        const total = (best[p]?.[r - 1] ?? -Infinity) + start.score(r + 1);
        if (total > (bestI[r] ?? -Infinity)) {
          bestI[r] = total;
          fromI[r] = p;
        }
      }
    }
  }
  const lastTotal = (i: number): number => best[i]?.[count - 1] ?? -Infinity;
  let last = 0;
  for (let i = 1; i < m; i++) if (lastTotal(i) > lastTotal(last)) last = i;
  const chosen: number[] = [];
  for (let i = last, r = count - 1; r >= 0 && i >= 0; i = from[i]?.[r] ?? -1, r--) {
    const start = starts[i];
    if (start === undefined) break;
    chosen.unshift(start.index);
  }
  return chosen;
}

type Scope = 'council' | 'health' | 'police' | 'all';

/** Which kinds of body a sentence's subject speaks for ("Health leaders must…" → health). */
function subjectScope(sentence: string): Set<Scope> {
  const subject = /^(.{0,80}?)\s+(?:should|must|need|needs|will|are|is|has|have)\b/i.exec(
    sentence,
  )?.[1];
  const scope = new Set<Scope>();
  if (!subject) return scope;
  if (/\b(?:area|partnership|partners)\b/i.test(subject)) scope.add('all');
  if (/\b(?:local authority|council|education|social care)\b/i.test(subject)) scope.add('council');
  if (/\b(?:health|nhs|icb|ccg|commissioners?)\b/i.test(subject)) scope.add('health');
  if (/\bpolice\b/i.test(subject)) scope.add('police');
  return scope;
}

/** The kinds of body a left cell names. */
function bodyScope(bodies: string): Set<Scope> {
  const scope = new Set<Scope>();
  if (
    /\b(?:nhs|icb|ccg|integrated care|clinical commissioning|health|hospital|foundation trust)\b/i.test(
      bodies,
    )
  ) {
    scope.add('health');
  }
  if (/\b(?:council|local authority|children['’]s trust)\b/i.test(bodies)) scope.add('council');
  if (/\b(?:police|constabulary)\b/i.test(bodies)) scope.add('police');
  return scope;
}

/** How well a subject fits a row's bodies: 2 for the same bodies, less for some, -1 for none. */
function scopeFit(subject: Set<Scope>, bodies: string): number {
  if (subject.size === 0) return 0;
  const row = bodyScope(bodies);
  if (subject.has('all')) return row.size >= 2 ? 1 : 0;
  const shared = [...subject].filter((s) => row.has(s)).length;
  const union = new Set([...subject, ...row]).size;
  return shared === 0 ? -1 : (2 * shared) / union;
}
