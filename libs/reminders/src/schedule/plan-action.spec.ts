import { bankHolidays } from '@app/common';
import { planAction, type ActionFacts, type ActionPlan } from './plan-action';
import type { ReminderPolicy } from './policy';

const defaults: ReminderPolicy = {
  offsets: [28, 14, 7, 1, 0],
  assignment: true,
  ownerOverdue: true,
  escalateToLineManager: true,
  escalateToAdminsAfterDays: 28,
  weeklyDigest: true,
  sendHour: 8,
  workingDaysOnly: true,
};

function facts(dueOn: string | null, changes: Partial<ActionFacts> = {}): ActionFacts {
  return { status: 'open', ownerId: 'owner-1', dueOn, assignmentSeq: 0, ...changes };
}

function plan(action: ActionFacts, now: string, policy: Partial<ReminderPolicy> = {}): ActionPlan {
  return planAction(action, { ...defaults, ...policy }, new Date(now));
}

/** "kind moment sendDate" per owed moment, easy to read in a failure. */
function owed(result: ActionPlan): string[] {
  return result.owed.map(({ kind, moment, sendDate }) => `${kind} ${moment} ${sendDate}`);
}

function nextCheck(result: ActionPlan): string | null {
  return result.nextCheckAt?.toISOString() ?? null;
}

describe('planAction: who gets anything', () => {
  it.each(['draft', 'completed', 'verified', 'cancelled', 'unheard_of'])(
    'gives a %s action nothing and no next check',
    (status) => {
      // Overdue by weeks and newly reassigned: still nothing.
      const result = plan(facts('2026-06-02', { status, assignmentSeq: 3 }), '2026-07-01T09:00Z');
      expect(result).toEqual({ owed: [], nextCheckAt: null });
    },
  );

  it('gives a live action with no owner nothing', () => {
    const result = plan(
      facts('2026-06-02', { ownerId: null, assignmentSeq: 1 }),
      '2026-07-01T09:00Z',
    );
    expect(result).toEqual({ owed: [], nextCheckAt: null });
  });

  it.each(['open', 'in_progress', 'blocked'])('reminds about a %s action', (status) => {
    const result = plan(facts('2026-07-01', { status }), '2026-07-01T09:00Z');
    expect(owed(result)).toEqual(['due_soon d-0 2026-07-01']);
  });
});

describe('planAction: assignment', () => {
  it('is owed at once, outside the window, even without a due date', () => {
    // 03:00 BST on a Saturday.
    const result = plan(facts(null, { assignmentSeq: 2 }), '2026-06-13T02:00Z');
    expect(result.owed).toEqual([
      { kind: 'assigned', moment: 'a2', dueOn: null, sendDate: '2026-06-13' },
    ]);
    expect(result.nextCheckAt).toBeNull();
  });

  it('carries the due date and leaves the scheduled streams to the window', () => {
    // Saturday night, due in 10 days: the d-14 moment has passed but waits for Monday.
    const result = plan(facts('2026-06-23', { assignmentSeq: 1 }), '2026-06-13T22:00Z');
    expect(result.owed).toEqual([
      { kind: 'assigned', moment: 'a1', dueOn: '2026-06-23', sendDate: '2026-06-13' },
    ]);
    expect(nextCheck(result)).toBe('2026-06-15T07:00:00.000Z');
  });

  it('uses the London date as the send date', () => {
    // 00:30 BST on 2 July is still 1 July in UTC.
    const result = plan(facts(null, { assignmentSeq: 1 }), '2026-07-01T23:30Z');
    expect(owed(result)).toEqual(['assigned a1 2026-07-02']);
  });

  it('is not owed when switched off or never assigned since reminders began', () => {
    expect(
      plan(facts(null, { assignmentSeq: 1 }), '2026-07-01T09:00Z', { assignment: false }),
    ).toEqual({ owed: [], nextCheckAt: null });
    expect(plan(facts(null, { assignmentSeq: 0 }), '2026-07-01T09:00Z')).toEqual({
      owed: [],
      nextCheckAt: null,
    });
  });
});

describe('planAction: due soon', () => {
  // Monday 13 July; created on Friday 3 July with 10 days left.
  const tenDaysLeft = facts('2026-07-13');

  it('catches up with only the latest reminder already due', () => {
    // 09:00 BST: d-28 (15 June) and d-14 (29 June) have both passed; only d-14 is sent.
    const result = plan(tenDaysLeft, '2026-07-03T08:00Z');
    expect(result.owed).toEqual([
      { kind: 'due_soon', moment: 'd-14', dueOn: '2026-07-13', sendDate: '2026-06-29' },
    ]);
    // d-7: 08:00 BST on Monday 6 July.
    expect(nextCheck(result)).toBe('2026-07-06T07:00:00.000Z');
  });

  it('sends nothing before the window opens and looks again when it does', () => {
    // 07:00 BST.
    const result = plan(tenDaysLeft, '2026-07-03T06:00Z');
    expect(result.owed).toEqual([]);
    expect(nextCheck(result)).toBe('2026-07-03T07:00:00.000Z');
  });

  it('sends the assignment and the catch-up together', () => {
    const result = plan({ ...tenDaysLeft, assignmentSeq: 1 }, '2026-07-03T08:00Z');
    expect(owed(result)).toEqual(['assigned a1 2026-07-03', 'due_soon d-14 2026-06-29']);
  });

  it('goes at the send hour in BST and in GMT', () => {
    // d-14 on Monday 19 October (BST), d-7 on Monday 26 October (GMT, the day after the change).
    const action = facts('2026-11-02');
    expect(nextCheck(plan(action, '2026-10-12T09:00Z'))).toBe('2026-10-19T07:00:00.000Z');
    expect(owed(plan(action, '2026-10-19T06:59Z'))).toEqual([]);
    expect(owed(plan(action, '2026-10-19T07:00Z'))).toEqual(['due_soon d-14 2026-10-19']);
    expect(nextCheck(plan(action, '2026-10-19T07:00Z'))).toBe('2026-10-26T08:00:00.000Z');
    // 07:30 GMT: the window is not open yet (it would be in BST).
    const early = plan(action, '2026-10-26T07:30Z');
    expect(owed(early)).toEqual([]);
    expect(nextCheck(early)).toBe('2026-10-26T08:00:00.000Z');
    expect(owed(plan(action, '2026-10-26T08:00Z'))).toEqual(['due_soon d-7 2026-10-26']);
  });

  it('moves a Saturday deadline to Friday, keeping only the nearer of two on one day', () => {
    // Due Saturday 20 June: d-0 and d-1 both fall on Friday 19th; only d-0 is kept.
    const action = facts('2026-06-20');
    expect(owed(plan(action, '2026-06-19T08:00Z'))).toEqual(['due_soon d-0 2026-06-19']);
    // The day before, the latest due is d-7 (moved to Friday 12th) and the next is Friday 19th.
    const thursday = plan(action, '2026-06-18T08:00Z');
    expect(owed(thursday)).toEqual(['due_soon d-7 2026-06-12']);
    expect(nextCheck(thursday)).toBe('2026-06-19T07:00:00.000Z');
  });

  it('never sends d-1 for a Saturday deadline, checked every hour', () => {
    const action = facts('2026-06-20');
    const seen = new Set<string>();
    for (let hour = 0; hour < 24 * 60; hour++) {
      const now = new Date(Date.parse('2026-05-01T00:00Z') + hour * 3_600_000);
      for (const moment of planAction(action, defaults, now).owed) {
        if (moment.kind === 'due_soon') seen.add(`${moment.moment} ${moment.sendDate}`);
      }
    }
    expect([...seen].sort()).toEqual([
      'd-0 2026-06-19',
      'd-14 2026-06-05',
      'd-28 2026-05-22',
      'd-7 2026-06-12',
    ]);
  });

  it('keeps Saturday when every day is a sending day', () => {
    const action = facts('2026-06-20');
    const everyDay = { workingDaysOnly: false };
    expect(owed(plan(action, '2026-06-19T08:00Z', everyDay))).toEqual(['due_soon d-1 2026-06-19']);
    expect(owed(plan(action, '2026-06-20T08:00Z', everyDay))).toEqual(['due_soon d-0 2026-06-20']);
  });

  it('moves a reminder off a bank holiday to the working day before', () => {
    expect(bankHolidays(2026).has('2026-12-28')).toBe(true); // Boxing Day's substitute
    // Due Tuesday 29 December: d-1 (Monday 28th) goes on Thursday 24th.
    const action = facts('2026-12-29');
    const christmasEve = plan(action, '2026-12-24T09:00Z');
    expect(owed(christmasEve)).toEqual(['due_soon d-1 2026-12-24']);
    expect(nextCheck(christmasEve)).toBe('2026-12-29T08:00:00.000Z');
    // On the holiday itself nothing goes; the d-1 already due waits for the window on the 29th.
    const holiday = plan(action, '2026-12-28T10:00Z');
    expect(owed(holiday)).toEqual([]);
    expect(nextCheck(holiday)).toBe('2026-12-29T08:00:00.000Z');
    expect(owed(plan(action, '2026-12-29T08:00Z'))).toEqual(['due_soon d-0 2026-12-29']);
  });

  it('stops once the deadline has passed in London', () => {
    // 00:30 BST on 2 July: the d-0 of 1 July is no longer owed, and the overdue one not yet.
    const result = plan(facts('2026-07-01'), '2026-07-01T23:30Z', { workingDaysOnly: false });
    expect(owed(result)).toEqual([]);
    expect(nextCheck(result)).toBe('2026-07-02T07:00:00.000Z');
    // Earlier that evening it still was.
    expect(owed(plan(facts('2026-07-01'), '2026-07-01T22:30Z'))).toEqual([
      'due_soon d-0 2026-07-01',
    ]);
  });

  it('follows the offsets it is given', () => {
    const action = facts('2026-07-13');
    expect(owed(plan(action, '2026-07-10T08:00Z', { offsets: [3] }))).toEqual([
      'due_soon d-3 2026-07-10',
    ]);
    expect(nextCheck(plan(action, '2026-07-10T08:00Z', { offsets: [3] }))).toBe(
      '2026-07-14T07:00:00.000Z', // nothing more until overdue
    );
    expect(owed(plan(action, '2026-07-10T08:00Z', { offsets: [] }))).toEqual([]);
  });
});

describe('planAction: overdue and escalation', () => {
  it('starts on the first working day after the deadline, never before', () => {
    // Due Friday 12 June: overdue from Saturday, but the first mail goes on Monday.
    const action = facts('2026-06-12');
    const friday = plan(action, '2026-06-12T20:00Z');
    expect(owed(friday)).toEqual(['due_soon d-0 2026-06-12']);
    const saturday = plan(action, '2026-06-13T09:00Z');
    expect(owed(saturday)).toEqual([]);
    expect(nextCheck(saturday)).toBe('2026-06-15T07:00:00.000Z');
    const monday = plan(action, '2026-06-15T07:00Z');
    expect(owed(monday)).toEqual(['overdue o+1 2026-06-15', 'escalation o+1 2026-06-15']);
    // o+8 is Saturday 20th, so Monday 22nd.
    expect(nextCheck(monday)).toBe('2026-06-22T07:00:00.000Z');
  });

  it('goes on the weekend when every day is a sending day', () => {
    const result = plan(facts('2026-06-12'), '2026-06-13T07:00Z', { workingDaysOnly: false });
    expect(owed(result)).toEqual(['overdue o+1 2026-06-13', 'escalation o+1 2026-06-13']);
    expect(nextCheck(result)).toBe('2026-06-20T07:00:00.000Z');
  });

  it('skips Christmas', () => {
    // Due Christmas Eve: the 25th, the weekend and the 28th are all holidays.
    const action = facts('2026-12-24');
    expect(nextCheck(plan(action, '2026-12-24T12:00Z'))).toBe('2026-12-29T08:00:00.000Z');
    expect(owed(plan(action, '2026-12-29T08:00Z'))).toEqual([
      'overdue o+1 2026-12-29',
      'escalation o+1 2026-12-29',
    ]);
  });

  it('repeats weekly, sending only the latest', () => {
    // 16 days overdue on Thursday 2 July: o+15 (Wednesday 1st) is the latest.
    const result = plan(facts('2026-06-16'), '2026-07-02T09:00Z');
    expect(owed(result)).toEqual(['overdue o+15 2026-07-01', 'escalation o+15 2026-07-01']);
    expect(nextCheck(result)).toBe('2026-07-08T07:00:00.000Z');
  });

  it('escalates to admins from o+29 when the setting is 28', () => {
    // Due Tuesday 2 June. Tuesday 30 June is 28 days overdue: not yet.
    const action = facts('2026-06-02');
    const day28 = plan(action, '2026-06-30T08:00Z');
    expect(owed(day28)).toEqual(['overdue o+22 2026-06-24', 'escalation o+22 2026-06-24']);
    expect(nextCheck(day28)).toBe('2026-07-01T07:00:00.000Z');
    expect(owed(plan(action, '2026-07-01T07:00Z'))).toEqual([
      'overdue o+29 2026-07-01',
      'escalation o+29 2026-07-01',
      'admin_escalation o+29 2026-07-01',
    ]);
    // A week on, all three again.
    expect(owed(plan(action, '2026-07-08T07:00Z'))).toEqual([
      'overdue o+36 2026-07-08',
      'escalation o+36 2026-07-08',
      'admin_escalation o+36 2026-07-08',
    ]);
  });

  it.each([
    [1, 'o+8'],
    [7, 'o+8'],
    [8, 'o+15'],
    [14, 'o+15'],
    [15, 'o+22'],
  ])('with admins after %d days, escalates first at %s', (after, first) => {
    const action = facts('2026-06-02');
    const firsts: string[] = [];
    for (let day = 1; day <= 30; day++) {
      const now = new Date(Date.parse('2026-06-02T07:00Z') + day * 86_400_000);
      const policy = { ...defaults, escalateToAdminsAfterDays: after, workingDaysOnly: false };
      const admin = planAction(action, policy, now).owed.find((o) => o.kind === 'admin_escalation');
      if (admin) firsts.push(admin.moment);
    }
    expect(firsts[0]).toBe(first);
  });

  it('never escalates to admins when the setting is null', () => {
    const result = plan(facts('2026-06-02'), '2026-07-01T07:00Z', {
      escalateToAdminsAfterDays: null,
    });
    expect(owed(result)).toEqual(['overdue o+29 2026-07-01', 'escalation o+29 2026-07-01']);
  });

  it('sends only what is switched on', () => {
    const action = facts('2026-06-02');
    expect(owed(plan(action, '2026-07-01T07:00Z', { ownerOverdue: false }))).toEqual([
      'escalation o+29 2026-07-01',
      'admin_escalation o+29 2026-07-01',
    ]);
    expect(owed(plan(action, '2026-07-01T07:00Z', { escalateToLineManager: false }))).toEqual([
      'overdue o+29 2026-07-01',
      'admin_escalation o+29 2026-07-01',
    ]);
  });

  it('handles an action overdue by 400 days', () => {
    // Due Tuesday 27 May 2025; Wednesday 1 July 2026 is day 400 = 1 + 7 × 57.
    const result = plan(facts('2025-05-27'), '2026-07-01T08:00Z');
    expect(owed(result)).toEqual([
      'overdue o+400 2026-07-01',
      'escalation o+400 2026-07-01',
      'admin_escalation o+400 2026-07-01',
    ]);
    expect(nextCheck(result)).toBe('2026-07-08T07:00:00.000Z');
  });

  it('works out a century overdue without walking the days', () => {
    // 36,525 days: o+36520 was Friday 26 June.
    const started = process.hrtime.bigint();
    const result = plan(facts('1926-07-01'), '2026-07-01T08:00Z', {
      escalateToAdminsAfterDays: null,
    });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
    expect(owed(result)).toEqual(['overdue o+36520 2026-06-26', 'escalation o+36520 2026-06-26']);
    expect(nextCheck(result)).toBe('2026-07-03T07:00:00.000Z');
  });

  it('plans thousands of actions quickly', () => {
    const policy = defaults;
    const now = new Date('2026-07-01T08:00Z');
    const started = Date.now();
    for (let i = 0; i < 5000; i++) {
      // Due dates from ten years ago to four years ahead.
      const dueOn = new Date(Date.UTC(2016, 0, 1) + (i % 5000) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      planAction(facts(dueOn, { assignmentSeq: 1 }), policy, now);
    }
    // Typically ~200 ms; the bound only catches per-day loops (which would take seconds).
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('planAction: next check', () => {
  it('is null when nothing can ever become due', () => {
    const quiet = {
      ownerOverdue: false,
      escalateToLineManager: false,
      escalateToAdminsAfterDays: null,
    };
    expect(plan(facts('2026-06-02'), '2026-07-01T08:00Z', quiet)).toEqual({
      owed: [],
      nextCheckAt: null,
    });
    // Before the deadline there are still reminders to come.
    expect(nextCheck(plan(facts('2026-07-13'), '2026-07-01T08:00Z', quiet))).toBe(
      '2026-07-06T07:00:00.000Z',
    );
  });

  it('waits for the admin stream even when the others are off', () => {
    const result = plan(facts('2026-06-02'), '2026-06-10T08:00Z', {
      ownerOverdue: false,
      escalateToLineManager: false,
    });
    expect(owed(result)).toEqual([]);
    expect(nextCheck(result)).toBe('2026-07-01T07:00:00.000Z');
  });

  it('is never now or earlier', () => {
    for (let hour = 0; hour < 24 * 50; hour += 1) {
      const now = new Date(Date.parse('2026-12-01T00:00Z') + hour * 3_600_000);
      const result = planAction(facts('2026-12-29'), defaults, now);
      expect(result.nextCheckAt!.getTime()).toBeGreaterThan(now.getTime());
    }
  });
});

describe('planAction: over the life of an action', () => {
  // Due Tuesday 29 December 2026, assigned on Sunday 1 November.
  const action = facts('2026-12-29', { assignmentSeq: 1 });
  const expected = [
    '2026-11-01 assigned a1',
    '2026-12-01 due_soon d-28',
    '2026-12-15 due_soon d-14',
    '2026-12-22 due_soon d-7',
    '2026-12-24 due_soon d-1',
    '2026-12-29 due_soon d-0',
    '2026-12-30 overdue o+1',
    '2026-12-30 escalation o+1',
    '2027-01-06 overdue o+8',
    '2027-01-06 escalation o+8',
    '2027-01-13 overdue o+15',
    '2027-01-13 escalation o+15',
    '2027-01-20 overdue o+22',
    '2027-01-20 escalation o+22',
    '2027-01-27 overdue o+29',
    '2027-01-27 escalation o+29',
    '2027-01-27 admin_escalation o+29',
    '2027-02-03 overdue o+36',
    '2027-02-03 escalation o+36',
    '2027-02-03 admin_escalation o+36',
  ];
  const until = Date.parse('2027-02-09T00:00Z');

  /** What a caller that remembers what it sent would send, checking at the given times. */
  function run(checkTimes: Iterable<Date>): string[] {
    const sent = new Map<string, string>();
    for (const now of checkTimes) {
      for (const { kind, moment } of planAction(action, defaults, now).owed) {
        const key = `${kind} ${moment}`;
        if (!sent.has(key)) sent.set(key, `${now.toISOString().slice(0, 10)} ${key}`);
      }
    }
    return [...sent.values()];
  }

  it('sends each moment once when the caller follows nextCheckAt', () => {
    const checks: Date[] = [];
    let at: Date | null = new Date('2026-11-01T12:00Z');
    while (at && at.getTime() < until && checks.length < 100) {
      checks.push(at);
      const next: Date | null = planAction(action, defaults, at).nextCheckAt;
      // A next check at or before now would spin the sweep.
      expect(next === null || next > at).toBe(true);
      at = next;
    }
    expect(run(checks)).toEqual(expected);
    // Every check was worth making: one per sending day above, plus the first.
    expect(checks).toHaveLength(12);
  });

  it('sends the same, on the same days, to a caller checking every hour', () => {
    function* hourly() {
      for (let at = Date.parse('2026-11-01T12:00Z'); at < until; at += 3_600_000) {
        yield new Date(at);
      }
    }
    expect(run(hourly())).toEqual(expected);
  });
});
