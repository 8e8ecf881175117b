import { buildManyPagePdf } from '../../../test/support/large-pdf';
import { ReportInputError } from './errors';
import { extractReport } from './extract';
import { formatCount } from './limits';

const refusal = async (promise: Promise<unknown>): Promise<ReportInputError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportInputError);
  return error as ReportInputError;
};

describe('report reading limits', () => {
  it('refuses a PDF with more pages than the limit, saying how many it has', async () => {
    const error = await refusal(extractReport(await buildManyPagePdf(12), { maxPages: 10 }));
    expect(error.code).toBe('too_many_pages');
    expect(error.message).toBe('This PDF has 12 pages; followthrough reads reports of up to 10.');
  });

  it('reads a PDF at the page limit', async () => {
    const result = await extractReport(await buildManyPagePdf(10), { maxPages: 10 });
    expect(result.document.pages).toBe(10);
  });

  it('refuses a PDF once its text passes the character limit', async () => {
    // About 3,000 characters a page (spaces aside): the second page passes 5,000.
    const error = await refusal(extractReport(await buildManyPagePdf(3), { maxChars: 5_000 }));
    expect(error.code).toBe('too_much_text');
    expect(error.message).toBe(
      'This PDF has more than 5,000 characters of text; followthrough reads reports of up to 5,000.',
    );
  });

  it('refuses text over the character limit', async () => {
    const error = await refusal(extractReport('a'.repeat(1_001), { maxChars: 1_000 }));
    expect(error.code).toBe('too_much_text');
    expect(error.message).toMatch(/^This file has more than 1,000 characters of text/);
  });

  it('counts the pages of text at its form feeds', async () => {
    const pages = Array.from({ length: 4 }, (_, i) => `Page ${i + 1}`).join('\f');
    expect((await refusal(extractReport(pages, { maxPages: 3 }))).message).toBe(
      'This report has 4 pages; followthrough reads reports of up to 3.',
    );
    expect((await extractReport(pages, { maxPages: 4 })).document.pages).toBe(4);
  });

  it('applies 500 pages and 2,000,000 characters by default', async () => {
    expect((await refusal(extractReport(await buildManyPagePdf(501)))).code).toBe('too_many_pages');
    expect((await refusal(extractReport('a'.repeat(2_000_001)))).code).toBe('too_much_text');
  });

  it('writes counts with thousands separators', () => {
    expect([0, 999, 1000, 10_000, 2_000_000].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '10,000',
      '2,000,000',
    ]);
  });
});
