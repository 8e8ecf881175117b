import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../extract';
import type { ExtractionResult } from '../types';

/**
 * Measures the prose suggestions against our own fictional monitoring letters and article in
 * test/fixtures/prose, each with the weaknesses a careful reader would list (written before
 * the rules were tuned). A suggestion matches an expected weakness when it contains the
 * weakness's identifying words.
 */
const dir = join(__dirname, '../../../../test/fixtures/prose');

interface ExpectedWeaknesses {
  file: string;
  weaknesses: string[];
}

interface Score {
  file: string;
  expected: number;
  found: number;
  suggestions: number;
  matching: number;
}

const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedWeaknesses);

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

function score(file: string, expected: string[], result: ExtractionResult): Score {
  const texts = result.suggestions.map((s) => normalise(s.text));
  const wanted = expected.map(normalise);
  return {
    file,
    expected: wanted.length,
    found: wanted.filter((w) => texts.some((t) => t.includes(w))).length,
    suggestions: texts.length,
    matching: texts.filter((t) => wanted.some((w) => t.includes(w))).length,
  };
}

const ratio = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(2));

describe('prose suggestions quality', () => {
  const scores: Score[] = [];
  const results = new Map<string, ExtractionResult>();

  beforeAll(async () => {
    for (const fixture of fixtures) {
      const result = await extractReport(readFileSync(join(dir, fixture.file)));
      results.set(fixture.file, result);
      scores.push(score(fixture.file, fixture.weaknesses, result));
    }
  });

  it('has letters and an article to measure', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  it('finds the stated weaknesses, and few besides', () => {
    const total = scores.reduce(
      (sum, s) => ({
        file: 'overall',
        expected: sum.expected + s.expected,
        found: sum.found + s.found,
        suggestions: sum.suggestions + s.suggestions,
        matching: sum.matching + s.matching,
      }),
      { file: 'overall', expected: 0, found: 0, suggestions: 0, matching: 0 },
    );
    const rows = [...scores, total].map(
      (s) =>
        `${s.file.padEnd(40)} recall ${ratio(s.found, s.expected)} (${s.found}/${s.expected})` +
        `  precision ${ratio(s.matching, s.suggestions)} (${s.matching}/${s.suggestions})`,
    );
    const misses = fixtures.flatMap((f) => {
      const texts = (results.get(f.file)?.suggestions ?? []).map((s) => normalise(s.text));
      const missed = f.weaknesses.filter((w) => !texts.some((t) => t.includes(normalise(w))));
      const extra = texts.filter((t) => !f.weaknesses.some((w) => t.includes(normalise(w))));
      return [
        ...missed.map((w) => `  missed  ${f.file}: ${w}`),
        ...extra.map((t) => `  extra   ${f.file}: ${t}`),
      ];
    });
    console.log(['Prose suggestions', ...rows, ...misses].join('\n'));
    expect(total.found / total.expected).toBeGreaterThanOrEqual(0.9);
    expect(total.matching / total.suggestions).toBeGreaterThanOrEqual(0.75);
  });

  it('does not repeat a listed recommendation', () => {
    const withList = [...results.values()].filter((r) => r.recommendations.length > 0);
    expect(withList.length).toBeGreaterThan(0);
    for (const result of results.values()) {
      const items = result.recommendations.map((r) => normalise(r.text));
      for (const suggestion of result.suggestions) {
        const text = normalise(suggestion.text);
        expect(items.filter((item) => item.includes(text) || text.includes(item))).toEqual([]);
      }
    }
  });

  it('quotes each suggestion exactly as written, with its lines rejoined', () => {
    for (const fixture of fixtures) {
      const source = normalise(readFileSync(join(dir, fixture.file), 'utf8'));
      for (const suggestion of results.get(fixture.file)?.suggestions ?? []) {
        expect(source).toContain(suggestion.text);
        expect(suggestion.confidence).toBeGreaterThan(0);
        expect(suggestion.confidence).toBeLessThanOrEqual(1);
        expect(suggestion.page).toBe(1);
      }
    }
  });
});
