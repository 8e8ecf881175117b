import {
  normaliseText,
  splitCells,
  TEXT_COLUMN_WIDTH,
  type Line,
  type PageLines,
} from '../layout/line';

const TAB_COLUMNS = 4;
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;
const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$|^(?:\*\*|__)([^*_].*?)(?:\*\*|__):?$/;

function indentColumns(raw: string): number {
  let columns = 0;
  for (const c of raw) {
    if (c === ' ') columns += 1;
    else if (c === '\t') columns += TAB_COLUMNS;
    else break;
  }
  return columns;
}

/**
 * Splits plain text into pages (at form feeds, as pdftotext writes them) and lines. Text may
 * come whole or already split at line feeds.
 */
export function textToPages(input: string | string[]): PageLines[] {
  let page: string[] = [];
  const pages: string[][] = [page];
  for (const line of typeof input === 'string' ? input.split('\n') : input) {
    // Carriage returns end lines too ("\r\n", or old Macintosh "\r" alone).
    const parts = line.includes('\r') ? line.replace(/\r$/, '').split('\r') : [line];
    for (const part of parts) {
      if (!part.includes('\f')) {
        page.push(part);
        continue;
      }
      part.split('\f').forEach((piece, k) => {
        if (k > 0) {
          page = [];
          pages.push(page);
        }
        page.push(piece);
      });
    }
  }
  return pages.map((rawLines, index) => {
    const lines: Line[] = [];
    let gap = index > 0;
    rawLines.forEach((raw, y) => {
      // Conversion services leave page furniture in HTML comments (<!-- PageBreak -->).
      const clean = HTML_COMMENT.test(raw) ? '' : normaliseText(raw);
      if (clean.length === 0) {
        gap = true;
        return;
      }
      // Text from a Markdown editor marks headings with "#" or wraps them in "**".
      const heading = MARKDOWN_HEADING.exec(clean);
      const x = indentColumns(raw) * TEXT_COLUMN_WIDTH;
      const split = raw.includes('\t') || raw.includes('   ') ? splitCells(raw, TAB_COLUMNS) : null;
      lines.push({
        // One of the two alternatives' groups is always filled.
        text: heading ? (heading[1] ?? heading[2] ?? clean) : clean,
        cells: split ? split.cells : [clean],
        cellX: split ? split.columns.map((c) => c * TEXT_COLUMN_WIDTH) : [x],
        page: index + 1,
        x,
        y,
        size: null,
        bold: heading ? true : null,
        gapBefore: gap,
      });
      gap = false;
    });
    return { page: index + 1, height: rawLines.length, lines };
  });
}
