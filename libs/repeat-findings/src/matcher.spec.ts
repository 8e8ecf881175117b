import { findRepeats, REPEAT_THRESHOLD, scorePairs } from './matcher';
import { stem } from './stem';
import { FIXTURE_NEAR_MISSES, FIXTURE_REPEATS } from './testing/fixture-pairs';
import { bestByF1, measureAt, sweep } from './testing/evaluate';
import { tokenise } from './tokenise';

const allTexts = [...FIXTURE_REPEATS, ...FIXTURE_NEAR_MISSES].flatMap((p) => [p.earlier, p.later]);

describe('stem', () => {
  it.each([
    ['assessments', 'assess'],
    ['assessed', 'assess'],
    ['assessing', 'assess'],
    ['supervision', stem('supervise')],
    ['planning', 'plan'],
    ['plans', 'plan'],
    ['voices', stem('voice')],
    ['processes', 'process'],
    ['timeliness', stem('timely')],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps words apart that mean different things', () => {
    expect(stem('care')).not.toBe(stem('carers'));
    expect(stem('health')).not.toBe(stem('healthy'));
  });
});

describe('tokenise', () => {
  it('drops boilerplate and paragraph references', () => {
    const words = tokenise(
      'Ensure that the quality of social workers’ supervision of children is infrequent (paragraphs 33, 130).',
    ).map((token) => token.word);
    expect(words).toEqual(['supervision', 'infrequent']);
  });

  it('makes "looked after" and "in care" the same children', () => {
    const stems = (text: string) => tokenise(text).map((token) => token.stem);
    expect(stems('looked after children')).toEqual(stems('children in care'));
  });
});

describe('findRepeats on the fixture pairs', () => {
  const score = (earlier: string, later: string): number =>
    scorePairs([[later, earlier]], allTexts)[0] ?? Number.NaN;

  it.each(FIXTURE_REPEATS.map((pair) => [pair.later, pair] as const))(
    'finds "%s" repeats its earlier twin',
    (_name, pair) => {
      expect(score(pair.earlier, pair.later)).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    },
  );

  it.each(FIXTURE_NEAR_MISSES.map((pair) => [pair.later, pair] as const))(
    'does not take "%s" for a repeat',
    (_name, pair) => {
      expect(score(pair.earlier, pair.later)).toBeLessThan(REPEAT_THRESHOLD);
    },
  );

  it('proposes each repeat among earlier recommendations, with the shared words', () => {
    const earlier = [...FIXTURE_REPEATS, ...FIXTURE_NEAR_MISSES].map((pair, i) => ({
      id: `old-${i}`,
      text: pair.earlier,
    }));
    const fresh = FIXTURE_REPEATS.map((pair, i) => ({ id: `new-${i}`, text: pair.later }));
    const found = findRepeats(fresh, earlier);
    FIXTURE_REPEATS.forEach((pair, i) => {
      const best = found.find((candidate) => candidate.id === `new-${i}`);
      expect(best?.earlierId).toBe(`old-${i}`);
      for (const word of pair.shares ?? []) expect(best?.sharedWords).toContain(word);
    });
  });

  it('proposes nothing for a near miss', () => {
    const found = findRepeats(
      FIXTURE_NEAR_MISSES.map((pair, i) => ({ id: `new-${i}`, text: pair.later })),
      FIXTURE_NEAR_MISSES.map((pair, i) => ({ id: `old-${i}`, text: pair.earlier })),
    );
    expect(found.filter((c) => c.id.slice(4) === c.earlierId.slice(4))).toEqual([]);
  });

  it('proposes at most perRecommendation, best first', () => {
    const earlier = ['supervision a', 'supervision b', 'supervision c', 'supervision d'].map(
      (text, i) => ({ id: `old-${i}`, text: `Recorded ${text} reflective` }),
    );
    const found = findRepeats([{ id: 'new', text: 'Reflective supervision' }], earlier, {
      perRecommendation: 2,
    });
    expect(found).toHaveLength(2);
    expect(found[0]?.score).toBeGreaterThanOrEqual(found[1]?.score ?? 1);
  });

  it('has nothing to compare without earlier recommendations', () => {
    expect(findRepeats([{ id: 'a', text: 'supervision' }], [])).toEqual([]);
  });
});

describe('evaluate', () => {
  const pairs = [
    { score: 0.9, repeat: true },
    { score: 0.5, repeat: false },
    { score: 0.4, repeat: true },
    { score: 0.1, repeat: false },
  ];

  it('counts precision and recall at a threshold', () => {
    expect(measureAt(pairs, 0.45)).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(measureAt(pairs, 0.3)).toMatchObject({ precision: 2 / 3, recall: 1 });
  });

  it('picks the threshold with the best F1', () => {
    expect(bestByF1(sweep(pairs, 0.1, 0.9, 0.1))?.threshold).toBeCloseTo(0.2);
  });
});
