import type { WrappedPdfiumModule } from '@embedpdf/pdfium';
import { ReportInputError } from '../errors';
import { type ReadLimits, refuseTooManyPages, tooMuchText } from '../limits';
import { normaliseText, type Line, type PageLines } from '../layout/line';
import { loadPdfium } from './pdfium';

// FPDF_GetLastError codes (fpdfview.h).
const FPDF_ERR_PASSWORD = 4;
const FPDF_ERR_SECURITY = 5;

const BOLD_FONT = /bold|black|heavy|semibold|demibold|demi\b/i;
const SYMBOL_FONT = /symbol|wingding|dingbat/i;

/**
 * The PDFium exports called for every line. The typed wrappers go through emscripten's ccall,
 * which allocates on each call; the raw exports take and return plain numbers.
 */
interface RawTextExports {
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  _FPDFText_GetFontWeight(textPage: number, index: number): number;
  _FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_GetFontInfo(
    textPage: number,
    index: number,
    buffer: number,
    length: number,
    flags: number,
  ): number;
}

interface CharStyle {
  size: number;
  bold: boolean;
  symbol: boolean;
}

/**
 * Reads the text layer of a PDF into lines with position and type style. PDFium already orders
 * characters and breaks lines; this adds, per line, where it starts, its effective font size
 * (font size times the text matrix scale, as some producers set size 1 and scale the matrix) and
 * whether it is bold, and drops superscript footnote markers glued to words ("Board1").
 */
export async function pdfToPages(
  bytes: Uint8Array,
  limits: ReadLimits = { maxPages: Infinity, maxChars: Infinity },
): Promise<PageLines[]> {
  const m = await loadPdfium();
  const heap = m.pdfium;
  const dataPtr = heap.wasmExports.malloc(bytes.length);
  // Scratch space: 4 doubles, a 6-float matrix, an int and a 256-byte name buffer.
  const scratch = heap.wasmExports.malloc(32 + 24 + 8 + 256);
  const doublesAt = scratch;
  const matrixAt = scratch + 32;
  const flagsAt = scratch + 56;
  const nameAt = scratch + 64;
  let doc = 0;
  try {
    heap.HEAPU8.set(bytes, dataPtr);
    doc = m.FPDF_LoadMemDocument(dataPtr, bytes.length, '');
    if (!doc) {
      const error = m.FPDF_GetLastError();
      if (error === FPDF_ERR_PASSWORD || error === FPDF_ERR_SECURITY) {
        throw new ReportInputError(
          'encrypted_pdf',
          'The PDF is password-protected: remove the password and try again.',
        );
      }
      throw new ReportInputError('unreadable_pdf', 'The PDF is damaged or not a PDF.');
    }

    const exports = heap as unknown as RawTextExports;
    const fontCache = new Map<string, { bold: boolean; symbol: boolean }>();
    const pageCount = m.FPDF_GetPageCount(doc);
    // Before any page is read: a short file can hold 10,000 pages that share one content stream.
    refuseTooManyPages('PDF', pageCount, limits.maxPages);
    const pages: PageLines[] = [];
    let characters = 0;

    for (let index = 0; index < pageCount; index++) {
      const page = m.FPDF_LoadPage(doc, index);
      if (!page) continue;
      const height = m.FPDF_GetPageHeightF(page);
      const textPage = m.FPDFText_LoadPage(page);
      try {
        const count = textPage ? m.FPDFText_CountChars(textPage) : 0;
        const text = count > 0 ? readPageText(m, textPage, count) : '';
        characters += text.replace(/\s/g, '').length;
        if (characters > limits.maxChars) throw tooMuchText('This PDF has', limits.maxChars);

        const styleAt = (charIndex: number): CharStyle => {
          const fontSize = exports._FPDFText_GetFontSize(textPage, charIndex);
          exports._FPDFText_GetMatrix(textPage, charIndex, matrixAt);
          // Inside the buffer malloc gave: always a number (NaN is what a read past it did).
          const c = heap.HEAPF32[(matrixAt >> 2) + 2] ?? NaN;
          const d = heap.HEAPF32[(matrixAt >> 2) + 3] ?? NaN;
          const scale = Math.hypot(c, d) || 1;
          const nameLength = exports._FPDFText_GetFontInfo(
            textPage,
            charIndex,
            nameAt,
            256,
            flagsAt,
          );
          const name = nameLength > 0 ? heap.UTF8ToString(nameAt) : '';
          let font = fontCache.get(name);
          if (!font) {
            font = { bold: BOLD_FONT.test(name), symbol: SYMBOL_FONT.test(name) };
            fontCache.set(name, font);
          }
          const bold = font.bold || exports._FPDFText_GetFontWeight(textPage, charIndex) >= 700;
          return { size: Math.round(fontSize * scale * 10) / 10, bold, symbol: font.symbol };
        };
        const originAt = (charIndex: number): { x: number; y: number } => {
          exports._FPDFText_GetCharOrigin(textPage, charIndex, doublesAt, doublesAt + 8);
          return {
            // Inside the buffer malloc gave: always numbers.
            x: heap.HEAPF64[doublesAt >> 3] ?? NaN,
            y: height - (heap.HEAPF64[(doublesAt >> 3) + 1] ?? NaN),
          };
        };

        // A space PDFium made up over a wide gap parts two cells drawn on one line (a table row).
        const cellGap = (charIndex: number, size: number): number | null => {
          if (!exports._FPDFText_IsGenerated(textPage, charIndex)) return null;
          const before = originAt(charIndex).x;
          const after = originAt(charIndex + 1).x;
          return after - before > size * CELL_GAP_EMS ? after : null;
        };

        const lines: Line[] = [];
        let start = 0;
        for (let end = 0; end <= text.length; end++) {
          if (end < text.length && text[end] !== '\n') continue;
          const line = buildLine(text, start, end, index + 1, styleAt, originAt, cellGap);
          if (line) lines.push(line);
          start = end + 1;
        }
        pages.push({ page: index + 1, height, lines: markGaps(lines) });
      } finally {
        if (textPage) m.FPDFText_ClosePage(textPage);
        m.FPDF_ClosePage(page);
      }
    }

    if (characters === 0) {
      throw new ReportInputError(
        'no_text_layer',
        'The PDF has no text layer (it looks like a scan): run it through OCR or upload the text.',
      );
    }
    return pages;
  } finally {
    if (doc) m.FPDF_CloseDocument(doc);
    heap.wasmExports.free(scratch);
    heap.wasmExports.free(dataPtr);
  }
}

/** The page's characters as one string; PDFium's generated spaces and CR LF line breaks included. */
function readPageText(m: WrappedPdfiumModule, textPage: number, count: number): string {
  const heap = m.pdfium;
  const buffer = heap.wasmExports.malloc((count + 1) * 2);
  try {
    m.FPDFText_GetText(textPage, 0, count, buffer);
    const text = heap.UTF16ToString(buffer);
    // Character indices must line up with string offsets; astral characters would break that.
    if (text.length === count) return text;
    let rebuilt = '';
    for (let i = 0; i < count; i++) {
      const code = m.FPDFText_GetUnicode(textPage, i);
      rebuilt += code > 0xffff || code === 0 ? '\uFFFD' : String.fromCharCode(code);
    }
    return rebuilt;
  } finally {
    heap.wasmExports.free(buffer);
  }
}

const SUPERSCRIPT = /(?<=[\p{L})])\d{1,2}(?=[\s,.;:]|$)/gu;

/** A horizontal gap this many ems wide between two words is a gap between table cells. */
const CELL_GAP_EMS = 0.8;

function buildLine(
  text: string,
  start: number,
  end: number,
  page: number,
  styleAt: (i: number) => CharStyle,
  originAt: (i: number) => { x: number; y: number },
  cellGap: (i: number, size: number) => number | null,
): Line | null {
  let first = start;
  // charAt: the same one-character string as indexing, for indices inside `text`.
  while (first < end && /\s/.test(text.charAt(first))) first++;
  let last = end - 1;
  while (last > first && /\s/.test(text.charAt(last))) last--;
  if (first >= end) return null;

  // Style comes from the first letter after any bullet glyph, and bold means the whole line is.
  let styleIndex = first;
  let style = styleAt(styleIndex);
  while (style.symbol || /[^\p{L}\p{N}]/u.test(text.charAt(styleIndex))) {
    let next = styleIndex + 1;
    while (next <= last && /\s/.test(text.charAt(next))) next++;
    if (next > last) break;
    styleIndex = next;
    style = styleAt(styleIndex);
    if (!style.symbol && /[\p{L}\p{N}]/u.test(text.charAt(styleIndex))) break;
  }
  const bold = style.bold && (last === styleIndex || styleAt(last).bold);

  // Footnote markers are small digits stuck to a word: "Board1", "area2 ".
  let raw = text.slice(first, last + 1);
  const superscripts: number[] = [];
  for (const match of /\d/.test(raw) ? raw.matchAll(SUPERSCRIPT) : []) {
    const at = first + (match.index ?? 0);
    if (styleAt(at).size < style.size * 0.8) superscripts.push(match.index ?? 0);
  }
  for (const offset of superscripts.reverse()) {
    raw = raw.slice(0, offset) + raw.slice(offset).replace(/^\d{1,2}/, '');
  }

  const clean = normaliseText(raw);
  if (!clean) return null;
  const origin = originAt(first);
  const x = Math.round(origin.x * 10) / 10;
  const cells = [clean];
  const cellX = [x];
  let cellStart = first;
  for (let i = text.indexOf(' ', first); i > 0 && i < last; i = text.indexOf(' ', i + 1)) {
    const at = cellGap(i, style.size);
    if (at === null) continue;
    cells[cells.length - 1] = normaliseText(text.slice(cellStart, i));
    cellStart = i + 1;
    cells.push(normaliseText(text.slice(cellStart, last + 1)));
    cellX.push(Math.round(at * 10) / 10);
  }
  return {
    text: clean,
    cells,
    cellX,
    page,
    x,
    y: Math.round(origin.y * 10) / 10,
    size: style.size,
    bold,
    gapBefore: false,
  };
}

/** A paragraph gap is a step down the page clearly larger than the line's own leading. */
function markGaps(lines: Line[]): Line[] {
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous) {
      line.gapBefore = true;
      return;
    }
    const step = line.y - previous.y;
    const size = Math.max(line.size ?? 10, previous.size ?? 10);
    // Body text leads at about 1.2x its size; a paragraph break adds at least another 0.4 line.
    line.gapBefore = step > size * 1.6 || step < -size;
  });
  return lines;
}
