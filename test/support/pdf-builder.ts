import {
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFName,
  PDFPage,
  PDFRef,
  StandardFonts,
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { nth } from './items';

/**
 * Builds realistic report PDFs for parser tests: A4 pages, Helvetica text wrapped to the page
 * width, hanging indents for bullets and numbers, bold headings, automatic page breaks (lists and
 * single items may run over a page break) and an optional running header and footer on every page.
 *
 * In any text, "\n" ends a line where the text says (e.g. after a word hyphenated across lines)
 * and "\f" starts a new page there (a page break inside a paragraph, an item or a table row).
 */

/** A4 in PDF points. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_LEFT = 62;
const MARGIN_RIGHT = 62;
const MARGIN_TOP = 72;
const MARGIN_BOTTOM = 78;
const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

const BODY_SIZE = 11;
const BODY_LEADING = 15;
const PARAGRAPH_GAP = 9;
const ITEM_GAP = 5;

const GREY = rgb(0.3, 0.3, 0.3);
const BULLET = '\u2022';
const SUB_BULLET = '\u2013';

export type PdfBlockKind =
  | 'title'
  | 'heading'
  | 'subheading'
  | 'paragraph'
  | 'bullets'
  | 'numbered'
  | 'pageBreak'
  | 'table'
  | 'footnote';

/** A list item: plain text, or text with sub-bullets that belong to it. */
export type PdfListItem = string | { text: string; sub?: string[] };

/** A table cell: text, or paragraphs and bulleted lines in the order they stand in the cell. */
export type PdfCell = string | Array<string | { bullet: string; text: string }>;

export interface PdfBlock {
  kind: PdfBlockKind;
  /** Text of a title, heading, subheading, paragraph or footnote. */
  text?: string;
  /** Items of a `bullets` or `numbered` block. */
  items?: PdfListItem[];
  /** First number of a `numbered` block (default 1). */
  start?: number;
  /** The glyph drawn before each item of a `bullets` block (default "•"), any Unicode character. */
  glyph?: string;
  /** The glyph drawn before sub-bullets (default "–"). */
  subGlyph?: string;
  /** A footnote mark drawn raised after a heading, or before a footnote's text. */
  mark?: string;
  /** A `table`'s header row (bold), and its rows of cells, one cell per column. */
  columns?: string[];
  rows?: PdfCell[][];
  /** A `table`'s column widths as fractions of the text width (default: equal). */
  widths?: number[];
}

export interface PdfReportSpec {
  blocks: PdfBlock[];
  /** Drawn small at the top of every page. */
  runningHeader?: string;
  /** Drawn small at the bottom of every page, above the "Page N" number. */
  runningFooter?: string;
  /** Document title stored in the PDF metadata. */
  metadataTitle?: string;
}

/** Characters WinAnsi (the standard fonts' encoding) cannot carry, and what to draw instead. */
const REPLACEMENTS: Record<string, string> = {
  '\u25aa': BULLET, // ▪
  '\u25fc': BULLET, // ◼
  '\u25a0': BULLET, // ■
  '\u25cf': BULLET, // ●
  '\u25e6': BULLET, // ◦
  '\uf0a7': BULLET, // Wingdings bullet as pdftotext shows it
  '\uf0b7': BULLET, // Symbol bullet
  '\u2011': '-', // non-breaking hyphen
  '\u2212': '-', // minus sign
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Bullet glyphs that WinAnsi cannot carry are drawn with a standard font's glyph of a similar
 * shape and a ToUnicode map, so that the text layer holds the real character (a "◼", a "−" or a
 * private-use Wingdings bullet), as in a word processor's PDF.
 */
const GLYPH_STAND_INS: Record<
  string,
  { font: 'Helvetica' | 'ZapfDingbats'; code: number; scale: number }
> = {
  '\u25fc': { font: 'ZapfDingbats', code: 0x6e, scale: 0.75 }, // ◼
  '\u25a0': { font: 'ZapfDingbats', code: 0x6e, scale: 0.75 }, // ■
  '\u25aa': { font: 'ZapfDingbats', code: 0x6e, scale: 0.5 }, // ▪
  '\u25cf': { font: 'ZapfDingbats', code: 0x6c, scale: 0.6 }, // ●
  '\u25e6': { font: 'ZapfDingbats', code: 0x6d, scale: 0.5 }, // ◦
  '\uf0a7': { font: 'ZapfDingbats', code: 0x6e, scale: 0.5 }, // Wingdings square bullet
  '\u2212': { font: 'Helvetica', code: 0x96, scale: 1 }, // − drawn as an en dash
};
/** Anything else WinAnsi cannot carry (e.g. the Symbol font's private-use bullet) looks like "•". */
const DEFAULT_STAND_IN = { font: 'Helvetica' as const, code: 0x95, scale: 1 };

/** A ToUnicode CMap that maps one single-byte code to one Unicode character. */
function toUnicodeCMap(code: number, char: string): string {
  const hex = (n: number, width: number): string =>
    n.toString(16).toUpperCase().padStart(width, '0');
  // JavaScript strings are UTF-16 already: one hex group per code unit.
  const utf16 = Array.from({ length: char.length }, (_, i) => hex(char.charCodeAt(i), 4)).join('');
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    '1 beginbfchar',
    `<${hex(code, 2)}> <${utf16}>`,
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Rewrites text so that every character can be drawn with the standard (WinAnsi) fonts. */
function toWinAnsi(text: string, font: PDFFont, cache: Map<string, boolean>): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) {
    const mapped = REPLACEMENTS[ch] ?? ch;
    for (const c of mapped) {
      let ok = cache.get(c);
      if (ok === undefined) {
        try {
          font.encodeText(c);
          ok = true;
        } catch {
          ok = false;
        }
        cache.set(c, ok);
      }
      out += ok ? c : '?';
    }
  }
  return out.trim();
}

/** Greedy word wrap to `maxWidth` points; words wider than a line are split by characters. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const widthOf = (s: string): number => font.widthOfTextAtSize(s, size);
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (widthOf(word) <= maxWidth) {
      line = word;
      continue;
    }
    let chunk = '';
    for (const c of word) {
      if (widthOf(chunk + c) > maxWidth && chunk) {
        lines.push(chunk);
        chunk = '';
      }
      chunk += c;
    }
    line = chunk;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Marks, among wrapped lines, where the text asked for a new page ("\f"). */
const NEW_PAGE = '\f';

/** Table cells: inner padding, and the indent of a bulleted line's text after its glyph. */
const CELL_PADDING = 5;
const CELL_BULLET_INDENT = 14;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** One line of a table cell, placed relative to the cell's left edge. */
interface CellLine {
  text: string;
  dx: number;
  label?: string;
  labelDx?: number;
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page: PDFPage | null = null;
  private y = 0;
  /** True until something is drawn on the current page. */
  private fresh = true;
  private readonly encodable = new Map<string, boolean>();
  /** Stand-in fonts for glyphs WinAnsi cannot carry, one per character, and their page keys. */
  private readonly glyphFonts = new Map<string, PDFRef>();
  private readonly glyphKeys = new Map<PDFPage, Map<string, PDFName>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly header: string | undefined,
    private readonly footer: string | undefined,
  ) {}

  text(s: string): string {
    return toWinAnsi(s, this.fonts.regular, this.encodable);
  }

  /** Wraps text, keeping its "\n" line ends; NEW_PAGE entries stand where it has a "\f". */
  wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    const out: string[] = [];
    text.split('\f').forEach((part, i) => {
      if (i > 0) out.push(NEW_PAGE);
      if (!part.trim()) return;
      for (const line of part.trim().split('\n')) {
        out.push(...wrap(this.text(line), font, size, maxWidth));
      }
    });
    return out;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.drawHeader(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
    this.fresh = true;
  }

  /** Breaks the page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (!this.page || this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(points: number): void {
    if (this.fresh) return;
    this.y -= points;
  }

  pageBreak(): void {
    if (!this.fresh) this.newPage();
  }

  /**
   * Draws wrapped lines; each line is placed separately so any line may start a new page, and a
   * NEW_PAGE entry starts one. The label (a bullet or number) goes beside the first drawn line.
   */
  lines(
    lines: string[],
    opts: {
      x: number;
      size: number;
      leading: number;
      font: PDFFont;
      label?: string;
      labelX?: number;
    },
  ): void {
    let labelled = opts.label === undefined;
    for (const line of lines) {
      if (line === NEW_PAGE) {
        this.newPage();
        continue;
      }
      this.ensure(opts.leading);
      const page = this.page as PDFPage;
      const baseline = this.y - opts.size;
      if (!labelled) {
        this.label(
          page,
          opts.label ?? '',
          opts.labelX ?? MARGIN_LEFT,
          baseline,
          opts.size,
          opts.font,
        );
        labelled = true;
      }
      page.drawText(line, {
        x: opts.x,
        y: baseline,
        size: opts.size,
        font: opts.font,
        color: rgb(0, 0, 0),
      });
      this.y -= opts.leading;
      this.fresh = false;
    }
  }

  /** Draws a bullet or number: as text when WinAnsi has it, else through a stand-in glyph. */
  private label(
    page: PDFPage,
    label: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
  ): void {
    if (label === '') return;
    if (this.text(label) === label) {
      page.drawText(label, { x, y, size, font, color: rgb(0, 0, 0) });
      return;
    }
    const standIn = GLYPH_STAND_INS[label] ?? DEFAULT_STAND_IN;
    let ref = this.glyphFonts.get(label);
    if (!ref) {
      const context = this.doc.context;
      const toUnicode = context.register(context.stream(toUnicodeCMap(standIn.code, label)));
      ref = context.register(
        context.obj({
          Type: 'Font',
          Subtype: 'Type1',
          BaseFont: standIn.font,
          ...(standIn.font === 'Helvetica' ? { Encoding: 'WinAnsiEncoding' } : {}),
          ToUnicode: toUnicode,
        }),
      );
      this.glyphFonts.set(label, ref);
    }
    const keys = this.glyphKeys.get(page) ?? new Map<string, PDFName>();
    this.glyphKeys.set(page, keys);
    const key = keys.get(label) ?? page.node.newFontDictionary('Glyph', ref);
    keys.set(label, key);
    const glyphSize = size * standIn.scale;
    // A smaller glyph is raised to sit in the middle of the line, as a bullet does.
    const raise = (size - glyphSize) * 0.35;
    page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFillingRgbColor(0, 0, 0),
      setFontAndSize(key, glyphSize),
      moveText(x, y + raise),
      showText(PDFHexString.of(standIn.code.toString(16).padStart(2, '0'))),
      endText(),
      popGraphicsState(),
    );
  }

  block(text: string, size: number, leading: number, font: PDFFont, x = MARGIN_LEFT): void {
    const width = MARGIN_LEFT + TEXT_WIDTH - x;
    this.lines(this.wrapText(text, font, size, width), { x, size, leading, font });
  }

  /**
   * A heading keeps company with the first `keepLines` body lines that follow it. A footnote
   * mark is drawn small and raised after its last word.
   */
  heading(
    text: string,
    size: number,
    before: number,
    after: number,
    keepLines: number,
    mark?: string,
  ): void {
    const lines = this.wrapText(text, this.fonts.bold, size, TEXT_WIDTH);
    const leading = size * 1.3;
    this.ensure(before + lines.length * leading + after + keepLines * BODY_LEADING);
    this.space(before);
    this.lines(lines, { x: MARGIN_LEFT, size, leading, font: this.fonts.bold });
    if (mark) {
      const last = lines[lines.length - 1] ?? '';
      const baseline = this.y + leading - size;
      (this.page as PDFPage).drawText(this.text(mark), {
        x: MARGIN_LEFT + this.fonts.bold.widthOfTextAtSize(last, size) + 1,
        y: baseline + size * 0.45,
        size: size * 0.6,
        font: this.fonts.regular,
        color: rgb(0, 0, 0),
      });
    }
    this.y -= after;
  }

  list(
    items: PdfListItem[],
    numbered: boolean,
    start: number,
    glyph = BULLET,
    subGlyph = SUB_BULLET,
  ): void {
    const { regular } = this.fonts;
    const labels = items.map((_, i) => (numbered ? `${start + i}.` : glyph));
    const labelX = numbered ? MARGIN_LEFT : MARGIN_LEFT + 8;
    const widest = Math.max(
      ...labels.map((l) => regular.widthOfTextAtSize(this.text(l), BODY_SIZE)),
    );
    const textX = numbered ? MARGIN_LEFT + Math.max(26, widest + 12) : MARGIN_LEFT + 24;
    const subLabelX = textX + 4;
    const subTextX = textX + 18;
    items.forEach((item, i) => {
      const text = typeof item === 'string' ? item : item.text;
      const sub = typeof item === 'string' ? [] : (item.sub ?? []);
      if (i > 0) this.space(ITEM_GAP);
      const lines = this.wrapText(text, regular, BODY_SIZE, MARGIN_LEFT + TEXT_WIDTH - textX);
      this.lines(lines, {
        x: textX,
        size: BODY_SIZE,
        leading: BODY_LEADING,
        font: regular,
        label: labels[i],
        labelX,
      });
      for (const s of sub) {
        const subLines = this.wrapText(s, regular, BODY_SIZE, MARGIN_LEFT + TEXT_WIDTH - subTextX);
        this.lines(subLines, {
          x: subTextX,
          size: BODY_SIZE,
          leading: BODY_LEADING,
          font: regular,
          label: subGlyph,
          labelX: subLabelX,
        });
      }
    });
    this.space(PARAGRAPH_GAP);
  }

  /**
   * A ruled table: an optional bold header row, then rows whose cells are drawn side by side line
   * by line, so that a row cut by a page break (automatic, or a "\f" in its cells) continues in
   * every column on the next page, below the running header.
   */
  table(columns: string[] | undefined, rows: PdfCell[][], fractions: number[] | undefined): void {
    const count = columns?.length ?? rows[0]?.length ?? 1;
    const widths = (fractions ?? Array<number>(count).fill(1 / count)).map((f) => f * TEXT_WIDTH);
    const lefts = widths.map((_, i) => MARGIN_LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
    if (columns) this.tableRow(columns, widths, lefts, this.fonts.bold);
    for (const row of rows) this.tableRow(row, widths, lefts, this.fonts.regular);
    this.space(PARAGRAPH_GAP);
  }

  private cellLines(
    cell: PdfCell,
    width: number,
    font: PDFFont,
  ): Array<CellLine | typeof NEW_PAGE> {
    const out: Array<CellLine | typeof NEW_PAGE> = [];
    const inner = width - 2 * CELL_PADDING;
    for (const part of typeof cell === 'string' ? [cell] : cell) {
      const bullet = typeof part === 'string' ? undefined : part.bullet;
      const text = typeof part === 'string' ? part : part.text;
      const indent = bullet === undefined ? 0 : CELL_BULLET_INDENT;
      let first = true;
      for (const line of this.wrapText(text, font, BODY_SIZE, inner - indent)) {
        if (line === NEW_PAGE) {
          out.push(NEW_PAGE);
          continue;
        }
        out.push({
          text: line,
          dx: CELL_PADDING + indent,
          ...(first && bullet !== undefined ? { label: bullet, labelDx: CELL_PADDING } : {}),
        });
        first = false;
      }
    }
    return out;
  }

  private tableRow(row: PdfCell[], widths: number[], lefts: number[], font: PDFFont): void {
    // Each cell's lines, cut into the parts that go on successive pages.
    const segments = row.map((cell, i) => {
      let part: CellLine[] = [];
      const parts: CellLine[][] = [part];
      for (const line of this.cellLines(cell, nth(widths, i), font)) {
        if (line === NEW_PAGE) {
          part = [];
          parts.push(part);
        } else part.push(line);
      }
      return parts;
    });
    const pageCount = Math.max(...segments.map((parts) => parts.length));
    this.ensure(BODY_LEADING + 2 * CELL_PADDING);
    for (let p = 0; p < pageCount; p++) {
      if (p > 0) this.newPage();
      const height = Math.max(...segments.map((parts) => parts[p]?.length ?? 0));
      let top = this.y;
      this.y -= CELL_PADDING;
      for (let i = 0; i < height; i++) {
        if (this.y - BODY_LEADING < MARGIN_BOTTOM) {
          this.ruleCells(top, this.y, widths, lefts);
          this.newPage();
          top = this.y;
          this.y -= CELL_PADDING;
        }
        const page = this.page as PDFPage;
        const baseline = this.y - BODY_SIZE;
        segments.forEach((parts, c) => {
          const line = parts[p]?.[i];
          const left = lefts[c];
          if (!line || left === undefined) return;
          if (line.label !== undefined) {
            this.label(page, line.label, left + (line.labelDx ?? 0), baseline, BODY_SIZE, font);
          }
          page.drawText(line.text, {
            x: left + line.dx,
            y: baseline,
            size: BODY_SIZE,
            font,
            color: rgb(0, 0, 0),
          });
        });
        this.y -= BODY_LEADING;
        this.fresh = false;
      }
      this.y -= CELL_PADDING;
      this.ruleCells(top, this.y, widths, lefts);
    }
  }

  private ruleCells(top: number, bottom: number, widths: number[], lefts: number[]): void {
    const page = this.page as PDFPage;
    widths.forEach((width, i) => {
      page.drawRectangle({
        x: lefts[i],
        y: bottom,
        width,
        height: top - bottom,
        borderColor: GREY,
        borderWidth: 0.5,
      });
    });
  }

  /**
   * A footnote at the foot of the current page, above the running footer: a short rule, the
   * raised mark and the small text. The page ends there; what follows starts the next page.
   */
  footnote(mark: string, text: string): void {
    const size = 8.5;
    const leading = 10.5;
    const { regular } = this.fonts;
    const lines = wrap(this.text(text), regular, size, TEXT_WIDTH - 10);
    const height = lines.length * leading + 10;
    if (!this.page || this.y - height < MARGIN_BOTTOM) this.newPage();
    const page = this.page as PDFPage;
    let y = MARGIN_BOTTOM + height;
    page.drawLine({
      start: { x: MARGIN_LEFT, y },
      end: { x: MARGIN_LEFT + 140, y },
      thickness: 0.5,
      color: GREY,
    });
    y -= 10;
    page.drawText(this.text(mark), { x: MARGIN_LEFT, y: y - size + 3, size: 6, font: regular });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN_LEFT + 8, y: y - size, size, font: regular });
      y -= leading;
    }
    this.newPage();
  }

  /** Running header, drawn when a page is created so that it precedes the body in reading order. */
  private drawHeader(page: PDFPage): void {
    if (!this.header) return;
    const size = 8.5;
    const lines = wrap(this.text(this.header), this.fonts.regular, size, TEXT_WIDTH);
    lines.forEach((line, j) => {
      page.drawText(line, {
        x: MARGIN_LEFT,
        y: PAGE_HEIGHT - 36 - j * 11,
        size,
        font: this.fonts.regular,
        color: GREY,
      });
    });
  }

  /** Running footer and "Page N" at the bottom centre, drawn after the body of every page. */
  drawFooters(): void {
    const size = 8.5;
    const { regular } = this.fonts;
    this.pages.forEach((page, i) => {
      if (this.footer) {
        const lines = wrap(this.text(this.footer), regular, size, TEXT_WIDTH);
        lines.forEach((line, j) => {
          page.drawText(line, { x: MARGIN_LEFT, y: 52 - j * 11, size, font: regular, color: GREY });
        });
      }
      const number = `Page ${i + 1}`;
      const width = regular.widthOfTextAtSize(number, 9);
      page.drawText(number, {
        x: (PAGE_WIDTH - width) / 2,
        y: 26,
        size: 9,
        font: regular,
        color: GREY,
      });
    });
  }
}

/** A fixed date keeps the output byte-for-byte reproducible. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** Renders a report spec to PDF bytes (A4, Helvetica, with a real text layer). */
export async function buildReportPdf(spec: PdfReportSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  if (spec.metadataTitle) doc.setTitle(spec.metadataTitle);
  doc.setProducer('followthrough test pdf-builder');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const layout = new Layout(doc, fonts, spec.runningHeader, spec.runningFooter);
  layout.newPage();
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'title':
        layout.heading(block.text ?? '', 20, 0, 12, 2, block.mark);
        break;
      case 'heading':
        layout.heading(block.text ?? '', 14, 16, 6, 6, block.mark);
        break;
      case 'subheading':
        layout.heading(block.text ?? '', 11.5, 10, 4, 3, block.mark);
        break;
      case 'paragraph':
        layout.block(block.text ?? '', BODY_SIZE, BODY_LEADING, fonts.regular);
        layout.space(PARAGRAPH_GAP);
        break;
      case 'bullets':
        layout.list(block.items ?? [], false, 1, block.glyph, block.subGlyph);
        break;
      case 'numbered':
        layout.list(block.items ?? [], true, block.start ?? 1, undefined, block.subGlyph);
        break;
      case 'pageBreak':
        layout.pageBreak();
        break;
      case 'table':
        layout.table(block.columns, block.rows ?? [], block.widths);
        break;
      case 'footnote':
        layout.footnote(block.mark ?? '', block.text ?? '');
        break;
    }
  }
  layout.drawFooters();
  return doc.save({ useObjectStreams: false });
}

/**
 * A valid PDF with no text layer, like a scan: each page holds only drawn rectangles standing in
 * for blocks of printed text.
 */
export async function buildImagePdf(options: { pages?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('followthrough test pdf-builder');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const pages = Math.max(1, options.pages ?? 2);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawRectangle({
      x: 0,
      y: 0,
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      color: rgb(0.97, 0.96, 0.93),
    });
    let y = PAGE_HEIGHT - MARGIN_TOP;
    if (p === 0) {
      page.drawRectangle({
        x: MARGIN_LEFT,
        y: y - 22,
        width: 300,
        height: 22,
        color: rgb(0.15, 0.15, 0.15),
      });
      y -= 50;
    }
    let row = 0;
    while (y > MARGIN_BOTTOM) {
      const short = row % 7 === 6;
      const width = short
        ? TEXT_WIDTH * (0.35 + ((row * 37) % 40) / 100)
        : TEXT_WIDTH - ((row * 13) % 24);
      page.drawRectangle({ x: MARGIN_LEFT, y, width, height: 7, color: rgb(0.35, 0.35, 0.35) });
      y -= short ? 26 : 15;
      row++;
    }
  }
  return doc.save({ useObjectStreams: false });
}
