import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeflateBombPdf, buildManyPagePdf } from '../../../../test/support/large-pdf';
import { ReportInputError } from '../errors';
import { extractReport } from '../extract';
import { ExtractionWorker } from './extraction-worker';

// Each new thread loads the parser through ts-node first: seconds on a busy machine.
jest.setTimeout(60_000);

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '../../../../test/fixtures/reports', name));

describe('ExtractionWorker', () => {
  const worker = new ExtractionWorker();

  afterAll(() => worker.close());

  it('gives the same result as extractReport on this thread', async () => {
    const input = fixture('northvale-focused-visit-2019.txt');
    expect(await worker.extract(input)).toEqual(await extractReport(input));
  });

  it('answers requests in order when several wait', async () => {
    const a = fixture('northvale-focused-visit-2019.txt');
    const b = fixture('harrowfield-safeguarding-lac-2012.txt');
    const [first, second] = await Promise.all([worker.extract(a), worker.extract(b)]);
    expect(first.document.authority).toBe((await extractReport(a)).document.authority);
    expect(second.recommendations).toHaveLength((await extractReport(b)).recommendations.length);
  });

  it('rebuilds ReportInputError with its code', async () => {
    const error: unknown = await worker.extract(new Uint8Array(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).code).toBe('empty');
  });

  it('starts a new thread after close', async () => {
    await worker.close();
    const result = await worker.extract('Areas for improvement\n\n- review plans\n');
    expect(result.recommendations).toHaveLength(1);
  });
});

describe('ExtractionWorker bounds', () => {
  const text = 'Areas for improvement\n\n- review plans\n';
  const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportInputError);
    return (error as ReportInputError).code;
  };

  it('ends a request that runs past its time limit, and reads the next on a new thread', async () => {
    // Long enough for a short text on a cold thread, far too short for 499 pages.
    const worker = new ExtractionWorker({ timeoutMs: 1000 });
    try {
      await worker.extract(text);
      const first = worker.threadId;
      const slow = worker.extract(await buildManyPagePdf(499));
      const next = worker.extract(text);
      expect(await codeOf(slow)).toBe('too_slow');
      expect((await next).recommendations).toHaveLength(1);
      expect(worker.threadId).not.toBeNull();
      expect(worker.threadId).not.toBe(first);
    } finally {
      await worker.close();
    }
  });

  it('refuses a PDF that needs more memory than allowed, and reads the next on a new thread', async () => {
    const worker = new ExtractionWorker({ memoryMb: 128 });
    try {
      await worker.extract(text);
      const first = worker.threadId;
      // 400 MB of content once inflated: PDFium would grow towards its own 2 GB ceiling.
      expect(await codeOf(worker.extract(await buildDeflateBombPdf(400)))).toBe('too_much_memory');
      expect((await worker.extract(text)).recommendations).toHaveLength(1);
      expect(worker.threadId).not.toBe(first);
    } finally {
      await worker.close();
    }
  });

  it('replaces a thread whose PDFium memory grew past the bound, after answering', async () => {
    const worker = new ExtractionWorker({ retireAboveMb: 1 });
    try {
      await worker.extract(text);
      const first = worker.threadId;
      // A text job leaves PDFium alone: the thread stays.
      await worker.extract(text);
      expect(worker.threadId).toBe(first);
      // 50 MB of spaces: read in full (no text in it), growing PDFium's memory past 1 MB.
      expect(await codeOf(worker.extract(await buildDeflateBombPdf(50)))).toBe('no_text_layer');
      expect(worker.threadId).toBeNull();
      await worker.extract(text);
      expect(worker.threadId).not.toBe(first);
    } finally {
      await worker.close();
    }
  });

  it('refuses a PDF over the page limit with the count and the limit', async () => {
    const worker = new ExtractionWorker({ limits: { maxPages: 20 } });
    try {
      const error: unknown = await worker
        .extract(await buildManyPagePdf(25))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'too_many_pages',
        message: 'This PDF has 25 pages; followthrough reads reports of up to 20.',
      });
    } finally {
      await worker.close();
    }
  });
});
