import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * PDFs drawn line by line for the specs that read PDF pages, so each spec can check its own part
 * (reading the pages, or taking the furniture off them) on the same document.
 */

/**
 * Two A4 pages, each with a running header and a page number; page 1 has a bold heading with a
 * footnote number after it, the footnote, and item 1; page 2 has item 2.
 */
export async function twoPageReport(): Promise<Uint8Array> {
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
