import { fixedClock, londonDateOf } from './clock';

describe('londonDateOf', () => {
  it('is the date in England, not in UTC', () => {
    // 23:30 UTC in June is 00:30 the next day in British Summer Time.
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter England is on UTC.
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('fixedClock', () => {
  it('always answers the same instant, as a fresh Date', () => {
    const clock = fixedClock('2025-01-01T09:00Z');
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2025-01-01T09:00:00.000Z');
  });

  it('refuses a string that is not a date', () => {
    expect(() => fixedClock('soon')).toThrow('not a date');
  });
});
