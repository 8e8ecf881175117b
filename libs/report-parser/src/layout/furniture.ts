import { lineAt, type Line, type PageLines } from './line';

/** "7", "Page 7", "Page 7 of 40", "- 7 -", "7 | Page". */
const PAGE_NUMBER =
  /^(?:page\s+)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*(?:of|\/)\s*\d{1,3})?(?:\s*\|\s*page)?$/i;

/** Lines at the page edges that repeat on other pages are running headers and footers. */
const EDGE_FRACTION = 0.1;
const EDGE_LINES = 3;

function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#');
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

interface Edge {
  top: Line[];
  bottom: Line[];
}

function pageEdges(page: PageLines, format: 'pdf' | 'text'): Edge {
  if (format === 'pdf') {
    return {
      top: page.lines.filter((l) => l.y < page.height * EDGE_FRACTION),
      bottom: page.lines.filter((l) => l.y > page.height * (1 - EDGE_FRACTION)),
    };
  }
  return {
    top: page.lines.slice(0, EDGE_LINES),
    bottom: page.lines.slice(-EDGE_LINES),
  };
}

/**
 * Removes what the page layout adds to the text: page numbers, running headers and footers, and
 * footnotes at the foot of PDF pages. Text without form feeds has no pages to compare, so there
 * only bare page numbers go, together with lines repeated next to them.
 */
export function removePageFurniture(pages: PageLines[], format: 'pdf' | 'text'): Line[] {
  const furniture = new Set<Line>();
  const paged = pages.length > 1;

  if (paged) {
    const edges = pages.map((page) => pageEdges(page, format));
    const seenOn = new Map<string, Set<number>>();
    edges.forEach((edge, index) => {
      for (const line of [...edge.top, ...edge.bottom]) {
        const key = signature(line.text);
        if (!seenOn.has(key)) seenOn.set(key, new Set());
        seenOn.get(key)?.add(index);
      }
    });
    // A page's own number, wherever the text layer put it ("9." / "4" / "Ensure…").
    for (const page of pages) {
      for (const line of page.lines) {
        if (/^\d{1,3}$/.test(line.text) && Math.abs(Number(line.text) - page.page) <= 1) {
          furniture.add(line);
        }
      }
    }
    const repeatThreshold = Math.max(2, Math.ceil(pages.length * 0.3));
    edges.forEach((edge) => {
      for (const line of [...edge.top, ...edge.bottom]) {
        // Repetition counts only for words: "3." at the foot of one page and "7." at the foot
        // of another are list items whose digits happen to match.
        const repeated =
          /\p{L}{2}/u.test(line.text) &&
          (seenOn.get(signature(line.text))?.size ?? 0) >= repeatThreshold;
        if (repeated || isPageNumber(line.text)) furniture.add(line);
      }
    });
  } else {
    markUnpagedFurniture(pages[0]?.lines ?? [], furniture);
  }

  if (format === 'pdf') {
    const body = bodySize(pages.flatMap((p) => p.lines.filter((l) => !furniture.has(l))));
    for (const page of pages) {
      markLetterhead(page, body, furniture);
      markFootnotes(page, body, furniture);
    }
  }

  return pages.flatMap((page) => {
    const kept = page.lines.filter((line) => !furniture.has(line));
    // The first line left on a page starts a new block of text.
    if (kept[0] && page.page > 1) kept[0] = { ...kept[0], gapBefore: true };
    return kept;
  });
}

function markUnpagedFurniture(lines: Line[], furniture: Set<Line>): void {
  const pageNumbers = lines.filter(
    (line, i) => isPageNumber(line.text) && (line.gapBefore || (lines[i + 1]?.gapBefore ?? true)),
  );
  // A lone number is a page number only when there are several, counting up.
  const values = pageNumbers.map((l) => Number(/\d+/.exec(l.text)?.[0]));
  const ascending = values.filter((v, i) => i === 0 || v > (values[i - 1] ?? NaN)).length;
  if (pageNumbers.length < 2 || ascending < pageNumbers.length * 0.8) return;
  pageNumbers.forEach((line) => furniture.add(line));

  const near = new Map<string, number>();
  const positions = new Set(pageNumbers.map((l) => lines.indexOf(l)));
  lines.forEach((line, i) => {
    for (let d = -2; d <= 2; d++) {
      if (d !== 0 && positions.has(i + d)) {
        const key = signature(line.text);
        near.set(key, (near.get(key) ?? 0) + 1);
        break;
      }
    }
  });
  const threshold = Math.max(2, Math.ceil(pageNumbers.length * 0.3));
  lines.forEach((line, i) => {
    const key = signature(line.text);
    if ((near.get(key) ?? 0) < threshold || line.text.length > 120) return;
    if (!/\p{L}{2}/u.test(line.text)) return;
    for (let d = -2; d <= 2; d++) {
      if (positions.has(i + d)) furniture.add(line);
    }
  });
}

/** The font size that most characters are set in. */
export function bodySize(lines: Line[]): number | null {
  const weight = new Map<number, number>();
  for (const line of lines) {
    if (line.size === null) continue;
    weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  }
  let best: number | null = null;
  let bestWeight = 0;
  for (const [size, w] of weight) {
    if (w > bestWeight) [best, bestWeight] = [size, w];
  }
  return best;
}

const isBodyText = (line: Line, body: number): boolean => (line.size ?? body) >= body * 0.92;

/**
 * A letterhead (the inspectorate's address and telephone numbers) drawn after the page's text
 * comes out of the text layer last, though it is printed at the top: small type above the
 * page's first line of body text, read after it.
 */
function markLetterhead(page: PageLines, body: number | null, furniture: Set<Line>): void {
  if (body === null) return;
  const first = page.lines.findIndex((l) => !furniture.has(l) && isBodyText(l, body));
  if (first < 0) return;
  const top = lineAt(page.lines, first).y;
  for (const line of page.lines.slice(first + 1)) {
    if (line.y < top && !isBodyText(line, body)) furniture.add(line);
  }
}

/**
 * Footnotes sit below the last body-size line of a page in smaller type and start with their
 * number ("1 Ofsted produces this report…"), which the text layer may give a line of its own
 * (and which may already have gone as a page number).
 */
function markFootnotes(page: PageLines, body: number | null, furniture: Set<Line>): void {
  if (body === null) return;
  let lastBody = -1;
  page.lines.forEach((line, i) => {
    if (!furniture.has(line) && isBodyText(line, body)) lastBody = i;
  });
  const tail = page.lines.slice(lastBody + 1);
  const [firstOfTail] = tail;
  if (firstOfTail !== undefined && /^\d{1,2}\b/.test(firstOfTail.text)) {
    tail.forEach((line) => furniture.add(line));
  }
}
