import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportInputError } from '../errors';
import { extractReport } from '../extract';
import { ExtractionWorker } from './extraction-worker';

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
