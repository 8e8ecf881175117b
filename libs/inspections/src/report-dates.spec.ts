import {
  believableDraftDeadline,
  believableReportDates,
  droppedDatesNotice,
  replacedDeadlinesNotice,
} from './report-dates';

const TODAY = '2026-12-06';
const SETTINGS = { immediateWindowDays: 14, defaultWindowMonths: 6 };

describe('believableReportDates', () => {
  it('keeps dates from 2000 to the day of import', () => {
    const dates = { publishedOn: TODAY, visitStartedOn: '2000-01-01', visitEndedOn: '2026-11-20' };
    expect(believableReportDates(dates, TODAY)).toEqual({ dates, dropped: [] });
  });

  it('leaves out a date after the day of import or before 2000, saying which', () => {
    expect(
      believableReportDates(
        { publishedOn: '2099-03-01', visitStartedOn: '1899-05-02', visitEndedOn: '2026-11-20' },
        TODAY,
      ),
    ).toEqual({
      dates: { publishedOn: null, visitStartedOn: null, visitEndedOn: '2026-11-20' },
      dropped: [
        'publication date (Sunday 1 March 2099, after the day of import)',
        'first inspection day (Tuesday 2 May 1899, before 2000)',
      ],
    });
  });

  it('words the notice with what deadlines count from instead', () => {
    expect(
      droppedDatesNotice(['publication date (Sunday 1 March 2099, after …)'], 'imported'),
    ).toBe(
      "The report's publication date (Sunday 1 March 2099, after …) cannot be right, so it was " +
        "left out and deadlines count from the day of import: check the report's dates.",
    );
    expect(droppedDatesNotice(['a', 'b'], 'inspection_ended')).toMatch(
      /^The report's a and b cannot be right, so they were left out and deadlines count from the last inspection day/,
    );
  });
});

describe('believableDraftDeadline', () => {
  const dates = { countedFrom: TODAY, publishedOn: TODAY, today: TODAY };

  it('keeps a fixed date in range as given', () => {
    expect(
      believableDraftDeadline({ timescale: null, dueOn: '2031-03-31' }, dates, SETTINGS),
    ).toEqual({ recommendationDueOn: '2031-03-31', dueOn: '2031-03-31', replaced: false });
  });

  it('gives the default window instead of a fixed date out of range', () => {
    expect(
      believableDraftDeadline({ timescale: null, dueOn: '9999-12-31' }, dates, SETTINGS),
    ).toEqual({ recommendationDueOn: null, dueOn: '2027-06-06', replaced: true });
    expect(
      believableDraftDeadline({ timescale: null, dueOn: '1999-03-31' }, dates, SETTINGS),
    ).toMatchObject({ dueOn: '2027-06-06', replaced: true });
  });

  it('gives the default window instead of a timescale that ends too far ahead', () => {
    expect(believableDraftDeadline({ timescale: 'P20Y', dueOn: null }, dates, SETTINGS)).toEqual({
      recommendationDueOn: null,
      dueOn: '2027-06-06',
      replaced: true,
    });
  });

  it('counts a timescale from the believed basis, dropping the parser’s date from a left-out one', () => {
    // Published "2030-01-01" (left out): the parser's due date counted from it means nothing.
    expect(
      believableDraftDeadline(
        { timescale: 'P3M', dueOn: '2030-04-01' },
        { countedFrom: TODAY, publishedOn: null, today: TODAY },
        SETTINGS,
      ),
    ).toEqual({ recommendationDueOn: null, dueOn: '2027-03-06', replaced: false });
  });

  it('names the recommendations in the notice', () => {
    expect(replacedDeadlinesNotice(['R2'])).toBe(
      "The report's deadline for R2 is before 2000 or more than ten years ahead, so its draft " +
        "action has the council's default deadline instead: check it.",
    );
    expect(replacedDeadlinesNotice(['R2', 'R4', 'R5'])).toMatch(
      /^The report's deadlines for R2, R4 and R5 are before 2000 .* their draft actions have/,
    );
  });
});
