import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import { extractReport } from '@app/report-parser';
import { differences, type ExpectedExtraction } from '../support/expectations';
import { textReportToPdf } from '../support/text-to-pdf';

/**
 * The public corpus lives beside the repository, read and never copied: ../shared/corpus (the
 * layouts the extractor was built from) and ../shared/corpus-next (the layouts councils receive
 * now). CORPUS_DIR, a list of folders separated by ":", points elsewhere when needed.
 */
const shared = join(__dirname, '../../../shared');
const corpusDirs = (
  process.env.CORPUS_DIR?.split(delimiter) ?? [join(shared, 'corpus'), join(shared, 'corpus-next')]
).map((dir) => resolve(dir));

interface CorpusCase {
  dir: string;
  expected: ExpectedExtraction;
}

const cases: CorpusCase[] = corpusDirs.flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.expected.json'))
        .sort()
        .map((name) => ({
          dir,
          expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedExtraction,
        }))
    : [],
);
const named = (c: CorpusCase): readonly [string, CorpusCase] =>
  [`${basename(c.dir)}/${c.expected.file}`, c] as const;
const pdfs = cases.filter((c) => c.expected.file.endsWith('.pdf'));
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describe(`inspection corpus (${corpusDirs.join(', ')})`, () => {
  it('is there to check, in every folder', () => {
    for (const dir of corpusDirs) {
      expect(cases.filter((c) => c.dir === dir).length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map(named))('%s extracts exactly', async (_name, { dir, expected }) => {
    const result = await extractReport(readFileSync(join(dir, expected.file)));
    expect(differences(result, expected)).toEqual([]);
  });
});

/**
 * Councils also paste reports as text. The same PDFs turned into text by poppler's pdftotext,
 * in its reading-order and its layout modes, must give the same items: these are layouts
 * (lost hanging indents, page numbers mid-list, columns of spaces) the PDF path never sees.
 */
describe('corpus PDFs as text copied out by pdftotext', () => {
  let workDir = '';
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'corpus-text-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('has pdftotext to make the copies (Debian: poppler-utils)', () => {
    expect(hasPdftotext).toBe(true);
  });

  const copies = pdfs.flatMap((c) => [
    [named(c)[0], 'reading order', [] as string[], c] as const,
    [named(c)[0], 'layout', ['-layout'], c] as const,
  ]);
  it.each(copies)(
    '%s in %s mode extracts exactly',
    async (_name, _mode, flags, { dir, expected }) => {
      const out = join(workDir, `${expected.file}.${flags.length ? 'layout' : 'raw'}.txt`);
      const run = spawnSync('pdftotext', [...flags, join(dir, expected.file), out]);
      expect(run.status).toBe(0);
      const result = await extractReport(readFileSync(out));
      expect(differences(result, expected)).toEqual([]);
    },
  );
});

/**
 * And the other way round: the plain-text letters and reports, printed to PDF with wrapped
 * lines, bold headings, page breaks and running furniture, must give the same items through
 * the PDF reader.
 */
describe('corpus text documents printed to PDF', () => {
  const texts = cases.filter((c) => c.expected.file.endsWith('.txt'));

  it.each(texts.map(named))('%s as PDF extracts exactly', async (_name, { dir, expected }) => {
    const pdf = await textReportToPdf(readFileSync(join(dir, expected.file), 'utf8'));
    const result = await extractReport(pdf);
    expect(result.document.format).toBe('pdf');
    expect(differences(result, expected)).toEqual([]);
  });
});
