import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractReport } from '@app/report-parser';
import { differences, type ExpectedExtraction } from '../support/expectations';
import { textReportToPdf } from '../support/text-to-pdf';

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
const pdfs = expectations.filter((e) => e.file.endsWith('.pdf'));
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

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

  const cases = pdfs.flatMap((e) => [
    [e.file, 'reading order', [] as string[], e] as const,
    [e.file, 'layout', ['-layout'], e] as const,
  ]);
  it.each(cases)('%s in %s mode extracts exactly', async (file, _mode, flags, expected) => {
    const out = join(workDir, `${file}.${flags.length ? 'layout' : 'raw'}.txt`);
    const run = spawnSync('pdftotext', [...flags, join(corpusDir, file), out]);
    expect(run.status).toBe(0);
    const result = await extractReport(readFileSync(out));
    expect(differences(result, expected)).toEqual([]);
  });
});

/**
 * And the other way round: the plain-text letters and reports, printed to PDF with wrapped
 * lines, bold headings, page breaks and running furniture, must give the same items through
 * the PDF reader.
 */
describe('corpus text documents printed to PDF', () => {
  const texts = expectations.filter((e) => e.file.endsWith('.txt'));

  it.each(texts.map((e) => [e.file, e] as const))(
    '%s as PDF extracts exactly',
    async (file, expected) => {
      const pdf = await textReportToPdf(readFileSync(join(corpusDir, file), 'utf8'));
      const result = await extractReport(pdf);
      expect(result.document.format).toBe('pdf');
      expect(differences(result, expected)).toEqual([]);
    },
  );
});
