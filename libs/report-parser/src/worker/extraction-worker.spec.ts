import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeflateBombPdf, buildManyPagePdf } from '../../../../test/support/large-pdf';
import { ReportInputError } from '../errors';
import { extractReport } from '../extract';
import { ExtractionWorker, type ExtractionWorkerOptions } from './extraction-worker';

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

  /** Runs a test on a worker of its own, closing it whether the test passes or not. */
  const withWorker = async (
    options: ExtractionWorkerOptions,
    use: (worker: ExtractionWorker) => Promise<void>,
  ): Promise<void> => {
    const worker = new ExtractionWorker(options);
    try {
      await use(worker);
    } finally {
      await worker.close();
    }
  };

  /** Reads the short text, so the worker has a thread, and says which thread that is. */
  const threadAfterText = async (worker: ExtractionWorker): Promise<number | null> => {
    await worker.extract(text);
    return worker.threadId;
  };

  it('ends a request that runs past its time limit, and reads the next on a new thread', () =>
    // Long enough for a short text on a cold thread, far too short for 499 pages.
    withWorker({ timeoutMs: 1000 }, async (worker) => {
      const first = await threadAfterText(worker);
      const slow = worker.extract(await buildManyPagePdf(499));
      const next = worker.extract(text);
      expect(await codeOf(slow)).toBe('too_slow');
      expect((await next).recommendations).toHaveLength(1);
      expect(worker.threadId).not.toBeNull();
      expect(worker.threadId).not.toBe(first);
    }));

  it('refuses a PDF that needs more memory than allowed, and reads the next on a new thread', () =>
    withWorker({ memoryMb: 128 }, async (worker) => {
      const first = await threadAfterText(worker);
      // 400 MB of content once inflated: PDFium would grow towards its own 2 GB ceiling.
      expect(await codeOf(worker.extract(await buildDeflateBombPdf(400)))).toBe('too_much_memory');
      expect((await worker.extract(text)).recommendations).toHaveLength(1);
      expect(worker.threadId).not.toBe(first);
    }));

  it('replaces a thread whose PDFium memory grew past the bound, after answering', () =>
    withWorker({ retireAboveMb: 1 }, async (worker) => {
      const first = await threadAfterText(worker);
      // A text job leaves PDFium alone: the thread stays.
      expect(await threadAfterText(worker)).toBe(first);
      // 50 MB of spaces: read in full (no text in it), growing PDFium's memory past 1 MB.
      expect(await codeOf(worker.extract(await buildDeflateBombPdf(50)))).toBe('no_text_layer');
      expect(worker.threadId).toBeNull();
      expect(await threadAfterText(worker)).not.toBe(first);
    }));

  it('refuses a PDF over the page limit with the count and the limit', () =>
    withWorker({ limits: { maxPages: 20 } }, async (worker) => {
      const error: unknown = await worker
        .extract(await buildManyPagePdf(25))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'too_many_pages',
        message: 'This PDF has 25 pages; followthrough reads reports of up to 20.',
      });
    }));
});
