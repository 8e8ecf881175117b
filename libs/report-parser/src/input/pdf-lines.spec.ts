import { PDFDocument, StandardFonts } from 'pdf-lib';
import { removePageFurniture } from '../layout/furniture';
import { pdfToPages } from './pdf-lines';

async function twoPageReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const pageNumber of [1, 2]) {
    const page = pdf.addPage([595, 842]);
    page.drawText('Northvale inspection report', { x: 72, y: 810, size: 8, font: regular });
    page.drawText(`Page ${pageNumber}`, { x: 280, y: 30, size: 8, font: regular });
    if (pageNumber === 1) {
      page.drawText('Review of the Safeguarding Board', { x: 72, y: 740, size: 16, font: bold });
      page.drawText('1', { x: 330, y: 746, size: 8, font: regular });
      page.drawText('Recommendations', { x: 72, y: 700, size: 14, font: bold });
      page.drawText('1.', { x: 72, y: 670, size: 11, font: regular });
      page.drawText('Ensure that plans are specific.', { x: 100, y: 670, size: 11, font: regular });
      page.drawText('1 A footnote about the review.', { x: 72, y: 60, size: 8, font: regular });
    } else {
      page.drawText('2.', { x: 72, y: 760, size: 11, font: regular });
      page.drawText('Improve supervision.', { x: 100, y: 760, size: 11, font: regular });
    }
  }
  return pdf.save();
}

describe('pdfToPages', () => {
  it('reads lines with position, size and weight', async () => {
    const pages = await pdfToPages(await twoPageReport());
    expect(pages).toHaveLength(2);
    const heading = pages[0]?.lines.find((l) => l.text === 'Recommendations');
    expect(heading).toMatchObject({ bold: true, size: 14, x: 72, page: 1 });
    const item = pages[0]?.lines.find((l) => l.text.startsWith('1. Ensure'));
    expect(item).toMatchObject({
      text: '1. Ensure that plans are specific.',
      bold: false,
      size: 11,
    });
  });

  it('drops a superscript footnote marker glued to a word', async () => {
    const pages = await pdfToPages(await twoPageReport());
    expect(pages[0]?.lines.map((l) => l.text)).toContain('Review of the Safeguarding Board');
  });

  it('leaves running headers, page numbers and footnotes to be removed as furniture', async () => {
    const lines = removePageFurniture(await pdfToPages(await twoPageReport()), 'pdf');
    expect(lines.map((l) => l.text)).toEqual([
      'Review of the Safeguarding Board',
      'Recommendations',
      '1. Ensure that plans are specific.',
      '2. Improve supervision.',
    ]);
  });

  it('says so when a PDF has no text layer', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    await expect(pdfToPages(await pdf.save())).rejects.toMatchObject({
      code: 'no_text_layer',
      message: expect.stringMatching(/no text layer/) as unknown,
    });
  });

  it('refuses a damaged PDF', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
    await expect(pdfToPages(damaged)).rejects.toMatchObject({ code: 'unreadable_pdf' });
  });
});
