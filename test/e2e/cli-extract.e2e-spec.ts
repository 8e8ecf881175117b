import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { first } from '../support/items';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test/fixtures/reports');

/** Runs the CLI as a user would, in a child process with no environment but PATH. */
function extract(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
      'apps/cli/src/main.ts',
      'extract',
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true' },
      timeout: 60_000,
    },
  );
}

describe('cli extract (e2e)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-extract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the extraction as JSON on stdout and nothing else', () => {
    const run = extract(join(FIXTURES, 'harrowfield-safeguarding-lac-2012.txt'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      document: Record<string, unknown>;
      recommendations: Array<Record<string, unknown>>;
      suggestions: Array<{ text: string; cue: string }>;
    };
    expect(result.document).toMatchObject({
      kind: 'full_inspection',
      inspectorate: 'Ofsted',
      publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      judgements: expect.any(Array) as unknown,
    });
    expect(result.recommendations[0]).toMatchObject({ ref: 'R1', timescale: 'P0D' });
    expect(Object.keys(first(result.recommendations))).toEqual(
      expect.arrayContaining([
        'ref',
        'text',
        'section',
        'priority',
        'timescale',
        'timescaleText',
        'dueOn',
        'responsible',
      ]),
    );
    // Weaknesses in the prose, each quoted from the report and none repeating a listed item.
    const report = readFileSync(
      join(FIXTURES, 'harrowfield-safeguarding-lac-2012.txt'),
      'utf8',
    ).replace(/\s+/g, ' ');
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of result.suggestions) {
      expect(report).toContain(suggestion.text);
      expect(result.recommendations.map((r) => r.text)).not.toContain(suggestion.text);
    }
  });

  it('lists the prose suggestions in the table too', () => {
    const run = extract(
      join(FIXTURES, '..', 'prose', 'hartwell-monitoring-visit-2026.txt'),
      '--format',
      'table',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^0 recommendation\(s\)$/m);
    expect(run.stdout).toMatch(/^\d+ suggestion\(s\): weaknesses stated in the prose/m);
    expect(run.stdout).toMatch(/^S1 {2}cue: "[a-z ]+" {2}confidence: 0\.\d\d {2}page 1$/m);
  });

  it('prints a table for a person with --format table', () => {
    const run = extract(join(FIXTURES, 'northvale-focused-visit-2019.txt'), '--format', 'table');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^R1 {2}improvement/m);
    expect(run.stdout).toMatch(/Kind: focused_visit/);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.txt'), /no such file/],
    ['a directory', () => dir, /is a directory/],
    [
      'an empty file',
      () => {
        writeFileSync(join(dir, 'empty.txt'), '');
        return join(dir, 'empty.txt');
      },
      /empty/,
    ],
    [
      'a binary file',
      () => {
        writeFileSync(
          join(dir, 'photo.png'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        );
        return join(dir, 'photo.png');
      },
      /PNG image/,
    ],
    [
      'a file over 20 MB',
      () => {
        writeFileSync(join(dir, 'big.txt'), '');
        truncateSync(join(dir, 'big.txt'), 20 * 1024 * 1024 + 1);
        return join(dir, 'big.txt');
      },
      /limit is 20 MB/,
    ],
  ])('exits 2 with a one-line reason for %s', (_what, makeFile, reason) => {
    const run = extract(makeFile());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown format', () => {
    const run = extract(join(FIXTURES, 'northvale-focused-visit-2019.txt'), '--format', 'xml');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--format must be one of json, table/);
  });
});
