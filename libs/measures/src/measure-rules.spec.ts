import { type MeasureTerms, termsProblems, valueProblem } from './measure-rules';

describe('valueProblem', () => {
  it.each([
    ['percentage', 0],
    ['percentage', 100],
    ['percentage', 62.5],
    ['days', 0],
    ['days', 45],
    ['count', 1_000_000_000],
    ['milestone', 0],
    ['milestone', 1],
  ] as const)('accepts %s %d', (unit, value) => {
    expect(valueProblem(unit, value)).toBeNull();
  });

  it.each([
    ['percentage', -0.1, 'from 0 to 100'],
    ['percentage', 100.5, 'from 0 to 100'],
    ['days', 1.5, 'whole number'],
    ['count', -1, 'whole number'],
    ['count', 1_000_000_001, 'whole number'],
    ['milestone', 0.5, '1 (met) or 0'],
    ['percentage', Number.NaN, 'a number'],
  ] as const)('refuses %s %d', (unit, value, words) => {
    expect(valueProblem(unit, value)).toContain(words);
  });
});

describe('termsProblems', () => {
  const terms: MeasureTerms = {
    unit: 'days',
    direction: 'lower',
    baselineValue: 40,
    baselineOn: '2026-04-30',
    targetValue: 20,
    targetOn: '2027-03-31',
  };

  it('finds nothing wrong with a baseline before its target, or with no baseline', () => {
    expect(termsProblems(terms)).toEqual({});
    expect(termsProblems({ ...terms, baselineValue: null, baselineOn: null })).toEqual({});
  });

  it.each([
    ['a baseline value alone', { baselineOn: null }, 'baselineOn'],
    ['a baseline date alone', { baselineValue: null }, 'baselineOn'],
    ['a baseline on the target date', { baselineOn: '2027-03-31' }, 'baselineOn'],
    ['a target outside the unit', { targetValue: 2.5 }, 'targetValue'],
    ['a baseline outside the unit', { baselineValue: -3 }, 'baselineValue'],
    [
      'a milestone aiming lower',
      { unit: 'milestone', baselineValue: 0, targetValue: 1 },
      'direction',
    ],
  ] as const)('names the field for %s', (_name, change, field) => {
    expect(Object.keys(termsProblems({ ...terms, ...change }))).toEqual([field]);
  });
});
