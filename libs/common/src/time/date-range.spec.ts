import { dateRange, dateRangeMessage, isDateInRange } from './date-range';

describe('date range', () => {
  it('runs from 1 January 2000 to ten years after today', () => {
    expect(dateRange('2026-12-06')).toEqual({ earliest: '2000-01-01', latest: '2036-12-06' });
  });

  it('ends on 28 February ten years after a 29 February', () => {
    expect(dateRange('2028-02-29').latest).toBe('2038-02-28');
    expect(dateRange('2030-02-28').latest).toBe('2040-02-28');
  });

  it('includes both ends and nothing beyond them', () => {
    const today = '2026-12-06';
    expect(isDateInRange('2000-01-01', today)).toBe(true);
    expect(isDateInRange('2036-12-06', today)).toBe(true);
    expect(isDateInRange('1999-12-31', today)).toBe(false);
    expect(isDateInRange('2036-12-07', today)).toBe(false);
    expect(isDateInRange('9999-12-31', today)).toBe(false);
  });

  it('names the field and both ends', () => {
    expect(dateRangeMessage('dueOn', '2026-12-06')).toBe(
      'dueOn must be a date from 2000-01-01 to 2036-12-06',
    );
  });
});
