import { addWorkingDays, bankHolidays, isWorkingDay } from './working-days';

describe('isWorkingDay (England)', () => {
  it('excludes weekends', () => {
    expect(isWorkingDay('2024-06-07')).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
  });

  it('excludes bank holidays, one-off ones and substitute days included', () => {
    expect(isWorkingDay('2023-12-25')).toBe(false); // Christmas Day, Monday
    expect(isWorkingDay('2023-04-07')).toBe(false); // Good Friday
    expect(isWorkingDay('2023-04-10')).toBe(false); // Easter Monday
    expect(isWorkingDay('2022-09-19')).toBe(false); // the Queen's funeral
    expect(isWorkingDay('2023-05-08')).toBe(false); // the King's coronation
    expect(isWorkingDay('2021-12-27')).toBe(false); // Christmas Day fell on a Saturday
    expect(isWorkingDay('2021-12-28')).toBe(false); // Boxing Day fell on a Sunday
    expect(isWorkingDay('2023-05-15')).toBe(true); // an ordinary Monday
  });

  it('counts observances such as Mother’s Day as ordinary days', () => {
    // Mother's Day is always a Sunday, so check the list itself rather than the weekday.
    expect(bankHolidays(2023).has('2023-03-19')).toBe(false);
  });

  it('corrects the library for one-off moves it does not know', () => {
    expect(isWorkingDay('2011-04-29')).toBe(false); // royal wedding
    expect(isWorkingDay('2012-06-04')).toBe(false); // spring bank holiday moved for the Jubilee
    expect(isWorkingDay('2012-06-05')).toBe(false); // Diamond Jubilee
    expect(isWorkingDay('2012-05-28')).toBe(true); // where spring bank holiday would have been
  });

  it('refuses what is not an ISO date', () => {
    expect(() => isWorkingDay('2023-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('12/05/2023')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Fri 7 June 2024 + 1 → Mon 10 June.
    ['2024-06-07', 1, '2024-06-10', 'skips the weekend'],
    // From a Saturday, the first working day is Monday.
    ['2024-06-08', 1, '2024-06-10', 'skips the weekend'],
    ['2024-06-08', 0, '2024-06-08', 'gives the date back for 0'],
    // Fri 22 Dec 2023 + 1: Sat 23, Sun 24, Mon 25 (Christmas), Tue 26 (Boxing Day) → Wed 27.
    ['2023-12-22', 1, '2023-12-27', 'skips Christmas'],
    // Fri 24 Dec 2021 + 1: Mon 27 and Tue 28 are substitute days → Wed 29.
    ['2021-12-24', 1, '2021-12-29', 'skips Christmas'],
    // Thu 6 Apr 2023 + 1: Good Friday 7, weekend, Easter Monday 10 → Tue 11.
    ['2023-04-06', 1, '2023-04-11', 'skips Easter'],
    // Fri 16 Sep 2022 + 1: Mon 19 (the Queen's funeral) → Tue 20.
    ['2022-09-16', 1, '2022-09-20', 'skips one-off bank holidays'],
    // Fri 5 May 2023 + 1: Mon 8 (the coronation) → Tue 9.
    ['2023-05-05', 1, '2023-05-09', 'skips one-off bank holidays'],
    // Fri 24 June 2022: 4 weeks → Fri 22 July (next holiday is 29 Aug).
    ['2022-06-24', 20, '2022-07-22', 'four weeks with no holiday in the way'],
    // Mon 2 Oct 2023: 14 weeks → Mon 8 Jan 2024; 25 and 26 Dec 2023 and 1 Jan 2024 fall on
    // weekdays, so three more: Tue 9, Wed 10, Thu 11 Jan.
    ['2023-10-02', 70, '2024-01-11', 'over Christmas and New Year'],
    // Thu 20 Feb 2020: 14 weeks → Thu 28 May; Good Friday 10 Apr, Easter Monday 13 Apr, VE Day
    // Fri 8 May and spring bank holiday 25 May add four: Fri 29 May, Mon 1, Tue 2, Wed 3 June.
    ['2020-02-20', 70, '2020-06-03', 'over Easter and the May bank holidays'],
  ])('%s + %d working days is %s: %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2024-06-07', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-07', 1.5)).toThrow(RangeError);
  });
});
