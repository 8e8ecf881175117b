import { buildReportPdf, type PdfBlock } from './pdf-builder';

/**
 * Lays a plain-text report out as a PDF, the way a word processor would print it: short lines
 * without a full stop as bold sub-headings, "-" and "•" lines as bullet lists, everything else
 * as wrapped paragraphs, with a running header and footer on every page.
 */
export function textReportToPdf(text: string): Promise<Uint8Array> {
  const blocks: PdfBlock[] = [];
  let bullets: string[] = [];
  const flush = (): void => {
    if (bullets.length > 0) blocks.push({ kind: 'bullets', items: bullets });
    bullets = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^[-•]\s+(.*)$/.exec(line)?.[1];
    if (bullet !== undefined) {
      bullets.push(bullet);
      continue;
    }
    flush();
    const heading = line.length < 90 && !/[.,;]$/.test(line) && /^[A-Z]/.test(line);
    blocks.push({ kind: heading ? 'subheading' : 'paragraph', text: line.replace(/\t+/g, '   ') });
  }
  flush();
  return buildReportPdf({
    blocks,
    runningHeader: 'Inspection report',
    runningFooter: 'Children’s services',
  });
}
