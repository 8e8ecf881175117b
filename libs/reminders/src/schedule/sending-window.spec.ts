import {
  inSendingWindow,
  isSendingDay,
  nextWindowStart,
  type SendingPolicy,
} from './sending-window';

const workingDays: SendingPolicy = { sendHour: 8, workingDaysOnly: true };
const everyDay: SendingPolicy = { sendHour: 8, workingDaysOnly: false };

describe('isSendingDay', () => {
  it('is any day unless working days only', () => {
    expect(isSendingDay('2026-06-13', everyDay)).toBe(true); // Saturday
    expect(isSendingDay('2026-06-13', workingDays)).toBe(false);
    expect(isSendingDay('2026-12-28', workingDays)).toBe(false); // substitute bank holiday
    expect(isSendingDay('2026-12-29', workingDays)).toBe(true);
  });
});

describe('inSendingWindow', () => {
  it.each([
    // Wednesday 1 July 2026 (BST): 08:00 London is 07:00Z.
    ['2026-07-01T06:59:59Z', false],
    ['2026-07-01T07:00:00Z', true],
    ['2026-07-01T07:30:00Z', true], // 08:30 BST: a GMT-minded check would wrongly say no
    ['2026-07-01T22:59:59Z', true], // 23:59 BST
    // Tuesday 1 December 2026 (GMT).
    ['2026-12-01T07:30:00Z', false],
    ['2026-12-01T08:00:00Z', true],
    ['2026-12-01T23:59:00Z', true],
    // Saturday, and the Christmas substitute holiday.
    ['2026-06-13T09:00:00Z', false],
    ['2026-12-28T12:00:00Z', false],
  ])('at %s: %s', (iso, expected) => {
    expect(inSendingWindow(new Date(iso), workingDays)).toBe(expected);
  });

  it('closes at midnight in London, not UTC', () => {
    // 00:00 BST on Thursday 2 July: a new day, whose window opens at 08:00.
    expect(inSendingWindow(new Date('2026-07-01T23:00:00Z'), workingDays)).toBe(false);
  });

  it('opens on weekends when not working days only', () => {
    expect(inSendingWindow(new Date('2026-06-13T07:00:00Z'), everyDay)).toBe(true);
    expect(inSendingWindow(new Date('2026-06-13T06:59:00Z'), everyDay)).toBe(false);
  });

  it('respects another send hour', () => {
    const policy = { ...workingDays, sendHour: 17 };
    expect(inSendingWindow(new Date('2026-07-01T15:59:00Z'), policy)).toBe(false);
    expect(inSendingWindow(new Date('2026-07-01T16:00:00Z'), policy)).toBe(true);
  });
});

describe('nextWindowStart', () => {
  it.each([
    // Before the hour on a working day: today.
    ['2026-07-01T05:00:00Z', workingDays, '2026-07-01T07:00:00.000Z'],
    // From the hour on: the next working day.
    ['2026-07-01T07:00:00Z', workingDays, '2026-07-02T07:00:00.000Z'],
    ['2026-07-01T20:00:00Z', workingDays, '2026-07-02T07:00:00.000Z'],
    // Just after midnight BST (still the 1st in UTC): later that London day.
    ['2026-07-01T23:30:00Z', workingDays, '2026-07-02T07:00:00.000Z'],
    // Friday morning, Saturday: Monday.
    ['2026-06-12T09:00:00Z', workingDays, '2026-06-15T07:00:00.000Z'],
    ['2026-06-13T05:00:00Z', workingDays, '2026-06-15T07:00:00.000Z'],
    // Christmas Eve: not until Tuesday 29th, in GMT.
    ['2026-12-24T10:00:00Z', workingDays, '2026-12-29T08:00:00.000Z'],
    ['2026-12-25T05:00:00Z', workingDays, '2026-12-29T08:00:00.000Z'],
    // Every day: Saturday counts.
    ['2026-06-12T09:00:00Z', everyDay, '2026-06-13T07:00:00.000Z'],
    ['2026-06-13T05:00:00Z', everyDay, '2026-06-13T07:00:00.000Z'],
    // Over the clocks going forward: 08:00 GMT on Saturday, 08:00 BST on Sunday.
    ['2026-03-28T09:00:00Z', everyDay, '2026-03-29T07:00:00.000Z'],
    // ...and back.
    ['2026-10-24T09:00:00Z', everyDay, '2026-10-25T08:00:00.000Z'],
  ])('after %s is %s', (iso, policy, expected) => {
    expect(nextWindowStart(new Date(iso), policy).toISOString()).toBe(expected);
  });

  it('is always later than now and inside a window', () => {
    // (With sendHour 0 one day's window runs into the next, so "just before" is not checked.)
    for (const policy of [workingDays, everyDay, { sendHour: 1, workingDaysOnly: true }]) {
      for (let hour = 0; hour < 24 * 21; hour += 1) {
        const now = new Date(Date.parse('2026-03-20T00:30:00Z') + hour * 3_600_000);
        const start = nextWindowStart(now, policy);
        expect(start.getTime()).toBeGreaterThan(now.getTime());
        expect(inSendingWindow(start, policy)).toBe(true);
        expect(inSendingWindow(new Date(start.getTime() - 1), policy)).toBe(false);
      }
    }
  });
});
