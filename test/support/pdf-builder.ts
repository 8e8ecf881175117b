import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';

/**
 * Builds realistic report PDFs for parser tests: A4 pages, Helvetica text wrapped to the page
 * width, hanging indents for bullets and numbers, bold headings, automatic page breaks (lists and
 * single items may run over a page break) and an optional running header and footer on every page.
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
  'title' | 'heading' | 'subheading' | 'paragraph' | 'bullets' | 'numbered' | 'pageBreak';

/** A list item: plain text, or text with sub-bullets that belong to it. */
export type PdfListItem = string | { text: string; sub?: string[] };

export interface PdfBlock {
  kind: PdfBlockKind;
  /** Text of a title, heading, subheading or paragraph. */
  text?: string;
  /** Items of a `bullets` or `numbered` block. */
  items?: PdfListItem[];
  /** First number of a `numbered` block (default 1). */
  start?: number;
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

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
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

class Layout {
  readonly pages: PDFPage[] = [];
  private page: PDFPage | null = null;
  private y = 0;
  /** True until something is drawn on the current page. */
  private fresh = true;
  private readonly encodable = new Map<string, boolean>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly header: string | undefined,
    private readonly footer: string | undefined,
  ) {}

  text(s: string): string {
    return toWinAnsi(s, this.fonts.regular, this.encodable);
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

  /** Draws wrapped lines; each line is placed separately so any line may start a new page. */
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
    lines.forEach((line, i) => {
      this.ensure(opts.leading);
      const page = this.page as PDFPage;
      const baseline = this.y - opts.size;
      if (i === 0 && opts.label !== undefined) {
        page.drawText(opts.label, {
          x: opts.labelX ?? MARGIN_LEFT,
          y: baseline,
          size: opts.size,
          font: opts.font,
          color: rgb(0, 0, 0),
        });
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
    });
  }

  block(text: string, size: number, leading: number, font: PDFFont, x = MARGIN_LEFT): void {
    const width = MARGIN_LEFT + TEXT_WIDTH - x;
    this.lines(wrap(this.text(text), font, size, width), { x, size, leading, font });
  }

  /** A heading keeps company with the first `keepLines` body lines that follow it. */
  heading(text: string, size: number, before: number, after: number, keepLines: number): void {
    const lines = wrap(this.text(text), this.fonts.bold, size, TEXT_WIDTH);
    const leading = size * 1.3;
    this.ensure(before + lines.length * leading + after + keepLines * BODY_LEADING);
    this.space(before);
    this.lines(lines, { x: MARGIN_LEFT, size, leading, font: this.fonts.bold });
    this.y -= after;
  }

  list(items: PdfListItem[], numbered: boolean, start: number): void {
    const { regular } = this.fonts;
    const labels = items.map((_, i) => (numbered ? `${start + i}.` : BULLET));
    const labelX = numbered ? MARGIN_LEFT : MARGIN_LEFT + 8;
    const widest = Math.max(...labels.map((l) => regular.widthOfTextAtSize(l, BODY_SIZE)));
    const textX = numbered ? MARGIN_LEFT + Math.max(26, widest + 12) : MARGIN_LEFT + 24;
    const subLabelX = textX + 4;
    const subTextX = textX + 18;
    items.forEach((item, i) => {
      const text = typeof item === 'string' ? item : item.text;
      const sub = typeof item === 'string' ? [] : (item.sub ?? []);
      if (i > 0) this.space(ITEM_GAP);
      const lines = wrap(this.text(text), regular, BODY_SIZE, MARGIN_LEFT + TEXT_WIDTH - textX);
      this.lines(lines, {
        x: textX,
        size: BODY_SIZE,
        leading: BODY_LEADING,
        font: regular,
        label: labels[i],
        labelX,
      });
      for (const s of sub) {
        const subLines = wrap(
          this.text(s),
          regular,
          BODY_SIZE,
          MARGIN_LEFT + TEXT_WIDTH - subTextX,
        );
        this.lines(subLines, {
          x: subTextX,
          size: BODY_SIZE,
          leading: BODY_LEADING,
          font: regular,
          label: SUB_BULLET,
          labelX: subLabelX,
        });
      }
    });
    this.space(PARAGRAPH_GAP);
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
        layout.heading(block.text ?? '', 20, 0, 12, 2);
        break;
      case 'heading':
        layout.heading(block.text ?? '', 14, 16, 6, 6);
        break;
      case 'subheading':
        layout.heading(block.text ?? '', 11.5, 10, 4, 3);
        break;
      case 'paragraph':
        layout.block(block.text ?? '', BODY_SIZE, BODY_LEADING, fonts.regular);
        layout.space(PARAGRAPH_GAP);
        break;
      case 'bullets':
        layout.list(block.items ?? [], false, 1);
        break;
      case 'numbered':
        layout.list(block.items ?? [], true, block.start ?? 1);
        break;
      case 'pageBreak':
        layout.pageBreak();
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
