import { addToDate, deadlinesCountedFrom, draftDueOn, parseIsoDuration } from './draft-deadline';

const settings = { immediateWindowDays: 14, defaultWindowMonths: 6 };

describe('parseIsoDuration', () => {
  it('reads the calendar durations reports use', () => {
    expect(parseIsoDuration('P0D')).toEqual({ years: 0, months: 0, weeks: 0, days: 0 });
    expect(parseIsoDuration('P14D')).toEqual({ years: 0, months: 0, weeks: 0, days: 14 });
    expect(parseIsoDuration('P3M')).toEqual({ years: 0, months: 3, weeks: 0, days: 0 });
    expect(parseIsoDuration('P1Y')).toEqual({ years: 1, months: 0, weeks: 0, days: 0 });
    expect(parseIsoDuration('P2W')).toEqual({ years: 0, months: 0, weeks: 2, days: 0 });
    expect(parseIsoDuration('P1Y6M')).toEqual({ years: 1, months: 6, weeks: 0, days: 0 });
  });

  it('refuses anything else', () => {
    for (const value of ['P', '', '3M', 'PT12H', 'P-1D', 'P1.5M', 'soon']) {
      expect(parseIsoDuration(value)).toBeNull();
    }
  });
});

describe('addToDate', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addToDate('2019-08-31', { months: 6 })).toBe('2020-02-29');
    expect(addToDate('2021-08-31', { months: 6 })).toBe('2022-02-28');
  });
});

describe('draftDueOn', () => {
  it('keeps a fixed date the report sets', () => {
    expect(draftDueOn({ timescale: null, dueOn: '2020-03-31' }, '2019-06-19', settings)).toBe(
      '2020-03-31',
    );
  });

  it('gives "immediately" the council window', () => {
    expect(draftDueOn({ timescale: 'P0D', dueOn: '2012-05-11' }, '2012-05-11', settings)).toBe(
      '2012-05-25',
    );
    expect(
      draftDueOn({ timescale: 'P0D', dueOn: null }, '2012-05-11', {
        ...settings,
        immediateWindowDays: 7,
      }),
    ).toBe('2012-05-18');
  });

  it('counts other timescales from the counted-from date, not the parser’s publication date', () => {
    expect(draftDueOn({ timescale: 'P3M', dueOn: '2012-08-11' }, '2012-05-11', settings)).toBe(
      '2012-08-11',
    );
    // No publication date: the parser set no dueOn; counted from the inspection's last day.
    expect(draftDueOn({ timescale: 'P28D', dueOn: null }, '2023-10-13', settings)).toBe(
      '2023-11-10',
    );
    expect(draftDueOn({ timescale: 'P1Y', dueOn: null }, '2024-02-29', settings)).toBe(
      '2025-02-28',
    );
  });

  it('gives no timescale (or one it cannot read) the council default', () => {
    expect(draftDueOn({ timescale: null, dueOn: null }, '2019-04-08', settings)).toBe('2019-10-08');
    expect(
      draftDueOn({ timescale: null, dueOn: null }, '2019-04-08', {
        ...settings,
        defaultWindowMonths: 3,
      }),
    ).toBe('2019-07-08');
    expect(draftDueOn({ timescale: 'PT1H', dueOn: null }, '2019-04-08', settings)).toBe(
      '2019-10-08',
    );
  });
});

describe('deadlinesCountedFrom', () => {
  it('prefers publication, then the end of the inspection, then the import', () => {
    expect(
      deadlinesCountedFrom({ publishedOn: '2019-04-08', visitEndedOn: '2019-03-13' }, '2026-01-05'),
    ).toEqual({ countedFrom: '2019-04-08', basis: 'published' });
    expect(
      deadlinesCountedFrom({ publishedOn: null, visitEndedOn: '2019-03-13' }, '2026-01-05'),
    ).toEqual({ countedFrom: '2019-03-13', basis: 'inspection_ended' });
    expect(deadlinesCountedFrom({ publishedOn: null, visitEndedOn: null }, '2026-01-05')).toEqual({
      countedFrom: '2026-01-05',
      basis: 'imported',
    });
  });
});
