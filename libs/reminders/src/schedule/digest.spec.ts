import * as calendar from './calendar';
import { digestDay, digestMoment, type DigestPolicy } from './digest';

const policy: DigestPolicy = { weeklyDigest: true, sendHour: 8, workingDaysOnly: true };

function digest(now: string, changes: Partial<DigestPolicy> = {}) {
  return digestMoment(new Date(now), { ...policy, ...changes });
}

describe('digestMoment', () => {
  it('is due from 08:00 on Monday, named after the week', () => {
    expect(digest('2026-06-15T06:59Z')).toEqual({ moment: 'w2026-06-15', due: false });
    expect(digest('2026-06-15T07:00Z')).toEqual({ moment: 'w2026-06-15', due: true });
  });

  it('stays due for the rest of the working week, so a missed Monday catches up', () => {
    expect(digest('2026-06-17T12:00Z')).toEqual({ moment: 'w2026-06-15', due: true });
    expect(digest('2026-06-19T20:00Z')).toEqual({ moment: 'w2026-06-15', due: true });
  });

  it('is not due at the weekend when working days only', () => {
    expect(digest('2026-06-20T12:00Z')).toEqual({ moment: 'w2026-06-15', due: false });
    expect(digest('2026-06-21T12:00Z')).toEqual({ moment: 'w2026-06-15', due: false });
    expect(digest('2026-06-21T12:00Z', { workingDaysOnly: false })).toEqual({
      moment: 'w2026-06-15',
      due: true,
    });
  });

  it('starts the week by the London date', () => {
    // 00:30 BST on Monday 15 June is still Sunday in UTC.
    expect(digest('2026-06-14T23:30Z')).toEqual({ moment: 'w2026-06-15', due: false });
    // 08:00 GMT Monday 7 December.
    expect(digest('2026-12-07T07:59Z')).toEqual({ moment: 'w2026-12-07', due: false });
    expect(digest('2026-12-07T08:00Z')).toEqual({ moment: 'w2026-12-07', due: true });
  });

  it('waits for Tuesday after Easter Monday', () => {
    expect(digest('2026-04-06T09:00Z')).toEqual({ moment: 'w2026-04-06', due: false });
    expect(digest('2026-04-07T07:00Z')).toEqual({ moment: 'w2026-04-06', due: true });
    // Every day is a sending day: Monday it is.
    expect(digest('2026-04-06T09:00Z', { workingDaysOnly: false }).due).toBe(true);
  });

  it('waits for the 29th after Christmas 2026', () => {
    expect(digest('2026-12-28T09:00Z')).toEqual({ moment: 'w2026-12-28', due: false });
    expect(digest('2026-12-29T08:00Z')).toEqual({ moment: 'w2026-12-28', due: true });
  });

  it('is never due when the council has turned digests off', () => {
    expect(digest('2026-06-15T09:00Z', { weeklyDigest: false })).toEqual({
      moment: 'w2026-06-15',
      due: false,
    });
  });
});

describe('digestDay', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is Monday, or the first working day of the week', () => {
    expect(digestDay('2026-06-15', true)).toBe('2026-06-15');
    expect(digestDay('2026-04-06', true)).toBe('2026-04-07');
    expect(digestDay('2026-04-06', false)).toBe('2026-04-06');
  });

  it('is null for a week with no working day, and then no digest is due', () => {
    // Only Saturday "works": the window is open then, but the week has no digest day.
    jest.spyOn(calendar, 'isWorkingDayCached').mockImplementation((iso) => iso === '2026-06-20');
    expect(digestDay('2026-06-15', true)).toBeNull();
    expect(digest('2026-06-20T12:00Z').due).toBe(false);
  });
});
