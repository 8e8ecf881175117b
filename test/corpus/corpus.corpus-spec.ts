import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport } from '@app/report-parser';
import { differences, type ExpectedExtraction } from '../support/expectations';

/**
 * The public corpus lives beside the repository (../shared/corpus) and is read, never copied.
 * CORPUS_DIR points elsewhere when needed.
 */
const corpusDir = resolve(process.env.CORPUS_DIR ?? join(__dirname, '../../../shared/corpus'));

const expectations = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith('.expected.json'))
      .sort()
      .map((name) => JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as ExpectedExtraction)
  : [];

describe(`inspection corpus (${corpusDir})`, () => {
  it('is there to check', () => {
    expect(expectations.length).toBeGreaterThan(0);
  });

  it.each(expectations.map((e) => [e.file, e] as const))(
    '%s extracts exactly',
    async (file, expected) => {
      const result = await extractReport(readFileSync(join(corpusDir, file)));
      expect(differences(result, expected)).toEqual([]);
    },
  );
});
