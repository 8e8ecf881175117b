import { PDFDocument } from 'pdf-lib';
import { twoPageReport } from '../testing/pdfs';
import { pdfToPages } from './pdf-lines';

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
