import type { MeasureTerms } from './measure-rules';
import { trajectoryOf } from './trajectory';

// From 40% on 1 January to 80% on 11 April 2027: 100 days, 0.4 points a day.
const audits: MeasureTerms = {
  unit: 'percentage',
  direction: 'higher',
  baselineValue: 40,
  baselineOn: '2027-01-01',
  targetValue: 80,
  targetOn: '2027-04-11',
};
const on = (observedOn: string, value: number) => ({ observedOn, value });

describe('trajectoryOf', () => {
  it('has nothing to judge without readings', () => {
    expect(trajectoryOf(audits, [], '2027-02-01')).toEqual({
      rag: null,
      expected: null,
      reason: 'No readings yet.',
    });
  });

  it.each([
    // Day 50: the line is at 60. Tolerance is 10% of 40 points: 4.
    ['on the line', 60, 'green'],
    ['ahead of it', 65, 'green'],
    ['behind by the whole tolerance', 56, 'amber'],
    ['behind by just over it', 55.9, 'red'],
  ] as const)('on day 50, %s (%d) is %s', (_name, value, rag) => {
    expect(trajectoryOf(audits, [on('2027-02-20', value)], '2027-02-21')).toMatchObject({
      rag,
      expected: 60,
    });
  });

  it.each([
    // A council's own tolerance: 25% of 40 points is 10, so 50 is amber and 49.9 red; none at all
    // makes any shortfall red.
    [0.25, 50, 'amber'],
    [0.25, 49.9, 'red'],
    [0, 59.9, 'red'],
    [0, 60, 'green'],
  ] as const)('with tolerance %d, %d on day 50 is %s', (tolerance, value, rag) => {
    expect(trajectoryOf(audits, [on('2027-02-20', value)], '2027-02-21', tolerance).rag).toBe(rag);
  });

  it('judges a lower-is-better measure the other way round', () => {
    const days = {
      ...audits,
      unit: 'days',
      direction: 'lower',
      baselineValue: 60,
      targetValue: 20,
    } as const;
    // Day 50: the line is at 40; tolerance 4 days.
    expect(trajectoryOf(days, [on('2027-02-20', 38)], '2027-02-21').rag).toBe('green');
    expect(trajectoryOf(days, [on('2027-02-20', 44)], '2027-02-21').rag).toBe('amber');
    expect(trajectoryOf(days, [on('2027-02-20', 45)], '2027-02-21').rag).toBe('red');
  });

  it('is green once the target is reached, and red when its date passes without it', () => {
    expect(trajectoryOf(audits, [on('2027-02-20', 80)], '2027-05-01').rag).toBe('green');
    expect(trajectoryOf(audits, [on('2027-04-10', 79)], '2027-04-12')).toMatchObject({
      rag: 'red',
      reason: 'The target date has passed and the target was not reached.',
    });
  });

  it('starts the line at the first reading when there is no baseline', () => {
    const noBaseline = { ...audits, baselineValue: null, baselineOn: null };
    const readings = [on('2027-01-01', 40), on('2027-02-20', 57)];
    expect(trajectoryOf(noBaseline, readings, '2027-02-21')).toMatchObject({
      rag: 'amber',
      expected: 60,
    });
    expect(trajectoryOf(noBaseline, readings.slice(0, 1), '2027-01-02').rag).toBe('green');
  });

  it('takes the latest reading, by the date it describes', () => {
    const readings = [on('2027-01-21', 48), on('2027-02-20', 50)];
    expect(trajectoryOf(audits, readings, '2027-02-21').rag).toBe('red');
  });

  it('judges a milestone only by whether it is met, and by when', () => {
    const milestone = {
      ...audits,
      unit: 'milestone',
      baselineValue: null,
      baselineOn: null,
      targetValue: 1,
    } as const;
    expect(trajectoryOf(milestone, [on('2027-02-01', 0)], '2027-02-02').rag).toBe('green');
    expect(trajectoryOf(milestone, [on('2027-02-01', 0)], '2027-04-12').rag).toBe('red');
    expect(trajectoryOf(milestone, [on('2027-04-01', 1)], '2027-04-12').rag).toBe('green');
  });
});
