import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfToPages } from '../input/pdf-lines';
import { twoPageReport } from '../testing/pdfs';
import { removePageFurniture } from './furniture';

/**
 * A three-page letter as Ofsted prints them: the body in 12 pt, the letterhead drawn last (so
 * the text layer reads it after the body) in 8-9 pt at the top of page 1, and on page 2 a
 * footnote whose number sits on a line of its own (so it looks like the page's number).
 */
async function letter(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const first = pdf.addPage([595, 842]);
  const text = (page: typeof first, s: string, x: number, y: number, size = 12, font = regular) =>
    page.drawText(s, { x, y, size, font });
  text(first, 'Dear Ms Lowe', 72, 640);
  text(first, 'What needs to improve?', 72, 600, 12, bold);
  text(first, '- The timeliness of visits to children.', 72, 570);
  text(first, 'Aldermoor House', 72, 780, 9);
  text(first, 'T 0300 000 0000', 172, 790, 8);
  const second = pdf.addPage([595, 842]);
  text(second, '- The quality of supervision.', 72, 730);
  text(second, '2', 72, 110, 6.5);
  text(second, 'The areas have been cross-referenced with the national framework.', 80, 92, 10);
  const third = pdf.addPage([595, 842]);
  text(third, '- The recording of visits.', 72, 730);
  text(third, 'Yours sincerely', 72, 690);
  return pdf.save();
}

describe('removePageFurniture on PDF pages', () => {
  // pdfToPages keeps every line a page draws; telling the furniture from the body is done here.
  it.each([
    {
      name: 'drops the running headers, page numbers and footnote that pdfToPages leaves in',
      pdf: twoPageReport,
      body: [
        'Review of the Safeguarding Board',
        'Recommendations',
        '1. Ensure that plans are specific.',
        '2. Improve supervision.',
      ],
    },
    {
      name: 'drops a letterhead read after the body and a footnote under its own number',
      pdf: letter,
      body: [
        'Dear Ms Lowe',
        'What needs to improve?',
        '- The timeliness of visits to children.',
        '- The quality of supervision.',
        '- The recording of visits.',
        'Yours sincerely',
      ],
    },
  ])('$name', async ({ pdf, body }) => {
    const lines = removePageFurniture(await pdfToPages(await pdf()), 'pdf');
    expect(lines.map((l) => l.text)).toEqual(body);
  });
});
