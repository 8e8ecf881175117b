import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { once } from 'node:events';
import { createDeflate } from 'node:zlib';

/** One page's worth of report-like text: 40 lines of about 90 characters. */
const PAGE_LINES = Array.from(
  { length: 40 },
  (_, i) =>
    `${i + 1}. The local authority should ensure that plans for children are reviewed regularly.`,
);

/**
 * A PDF of `pages` A4 pages that all draw the same text from one shared content stream, so a
 * 10,000-page file stays about 1.5 MB while a reader still has to lay out every page: the shape
 * of a hostile upload that is small on the wire and huge to read.
 */
export async function buildManyPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = PAGE_LINES.map((line) => `(${line}) Tj T*`).join('\n');
  const content = doc.context.flateStream(`BT /F1 10 Tf 14 TL 56 780 Td\n${text}\nET`);
  const contentRef = doc.context.register(content);
  const resources = doc.context.obj({ Font: { F1: font.ref } });
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.node.set(PDFName.of('Contents'), contentRef);
    page.node.set(PDFName.of('Resources'), resources);
  }
  // Object streams keep the per-page objects compact, as a real producer's would be.
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}

/**
 * A one-page PDF whose content stream is `inflatedMb` megabytes of spaces, deflated to about a
 * thousandth of that: a decompression bomb. Deflated as a stream, so neither the inflated bytes
 * nor more than one chunk of them are ever held in this process.
 */
export async function buildDeflateBombPdf(inflatedMb: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < inflatedMb; i++) {
    if (!deflate.write(spaces)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  const deflated = Buffer.concat(chunks);

  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  const stream = doc.context.stream(deflated, { Filter: 'FlateDecode', Length: deflated.length });
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font.ref } }));
  return doc.save();
}
