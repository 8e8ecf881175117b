import { liveSeries, seriesDates } from './open-series';

describe('seriesDates', () => {
  it('has a point a day for short ranges, always ending on the last day', () => {
    expect(seriesDates('2026-03-01', '2026-03-04')).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(seriesDates('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
  });

  it('goes weekly beyond 120 days and keeps to about 100 points for years', () => {
    const weekly = seriesDates('2026-01-01', '2026-12-31');
    expect(weekly[1]).toBe('2026-01-08');
    expect(weekly[weekly.length - 1]).toBe('2026-12-31');
    expect(seriesDates('2016-01-01', '2026-01-01').length).toBeLessThanOrEqual(110);
  });
});

describe('liveSeries', () => {
  it('counts an action from the day it opened until the day it closed', () => {
    const spans = [
      { openedOn: '2026-03-01', closedOn: null },
      { openedOn: '2026-03-01', closedOn: '2026-03-03' },
      { openedOn: '2026-03-02', closedOn: null },
    ];
    expect(liveSeries(spans, '2026-03-01', '2026-03-04').map((p) => p.value)).toEqual([2, 3, 2, 2]);
  });

  it('is all zeros with no actions', () => {
    expect(liveSeries([], '2026-03-01', '2026-03-02')).toEqual([
      { date: '2026-03-01', value: 0 },
      { date: '2026-03-02', value: 0 },
    ]);
  });
});
