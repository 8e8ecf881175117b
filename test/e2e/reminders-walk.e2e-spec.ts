import { CouncilsService } from '@app/people';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createReminderRig, dayFrom, type ReminderRig } from '../support/reminders';
import { first } from '../support/items';

// A deadline with no bank holiday or weekend in the way of any reminder: Thursday 17 June 2027.
// Every reminder moment below is worked out by hand from the rules in docs/reminders.md, not read
// back from the code. England is on BST (UTC+1) throughout.
const DUE_ON = '2027-06-17';
const TITLE = 'Audit the quality of supervision records';

describe('Reminders: one action from 30 days before its deadline to 35 days overdue', () => {
  let rig: ReminderRig;
  let owner: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let reference: string;
  const received: string[] = [];

  beforeAll(async () => {
    rig = await createReminderRig({ start: `${dayFrom(DUE_ON, -30)}T07:30:00+01:00` });
    const council = await createCouncil(rig.api, { code: 'WLK' });
    // The Monday digest has its own test; here it would only interleave.
    await rig.api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { weeklyDigest: false } });
    admin = await createUser(rig.api, council, { role: 'admin', name: 'Ada Admin' });
    manager = await createUser(rig.api, council, { role: 'manager', name: 'Mo Manager' });
    owner = await createUser(rig.api, council, {
      name: 'Sam Staff',
      lineManagerId: manager.user.id,
    });
    const plan = await createPlan(rig.api, council, admin.user, {
      recommendations: [
        {
          actions: [
            {
              title: TITLE,
              status: 'open',
              ownerId: owner.user.id,
              dueOn: DUE_ON,
              successMeasure: 'Every record audited monthly; 90% rated good or better',
            },
          ],
        },
      ],
    });
    reference = first(plan.actions).reference;

    for (let day = -30; day <= 35; day++) {
      for (const time of ['07:30', '08:30']) {
        rig.clock.set(`${dayFrom(DUE_ON, day)}T${time}:00+01:00`);
        await rig.sweep();
        await rig.settle();
        // Emails of one sweep go out concurrently: their order within the sweep is not fixed.
        const batch = rig
          .takeMail()
          .map((mail) => `${day} ${time} ${mail.to.join(',')} ${mail.subject}`);
        received.push(...batch.sort());
      }
    }
  }, 120_000);

  afterAll(() => rig?.close());

  it('sends exactly the expected emails, to the right people, on the right days', () => {
    const to = (user: TestUser) => user.user.email;
    const about = `${reference} ${TITLE}`;
    const overdue = (day: number, ...others: string[]) =>
      [
        `${day} 08:30 ${to(owner)} Overdue by ${day} day${day === 1 ? '' : 's'}: ${about}`,
        `${day} 08:30 ${to(manager)} Escalation: 1 action overdue in your team`,
        ...others,
      ].sort();
    expect(received).toEqual([
      // Assignments are news, not reminders: they go at once, before the send hour too.
      `-30 07:30 ${to(owner)} Assigned to you: ${about}`,
      `-28 08:30 ${to(owner)} Due in 28 days: ${about}`,
      `-14 08:30 ${to(owner)} Due in 14 days: ${about}`,
      `-7 08:30 ${to(owner)} Due in 7 days: ${about}`,
      `-1 08:30 ${to(owner)} Due tomorrow: ${about}`,
      `0 08:30 ${to(owner)} Due today: ${about}`,
      ...overdue(1),
      ...overdue(8),
      ...overdue(15),
      ...overdue(22),
      ...overdue(29, `29 08:30 ${to(admin)} Escalation: 1 action overdue by more than 28 days`),
    ]);
  });

  it('records each email once in Postgres, all sent', async () => {
    const rows = await rig.api.app
      .get(DataSource)
      .query<Array<{ kind: string; status: string; n: number }>>(
        `SELECT kind, status, count(*)::int AS n FROM notifications GROUP BY kind, status ORDER BY kind`,
      );
    expect(rows).toEqual([
      { kind: 'admin_escalation', status: 'sent', n: 1 },
      { kind: 'assigned', status: 'sent', n: 1 },
      { kind: 'due_soon', status: 'sent', n: 5 },
      { kind: 'escalation', status: 'sent', n: 5 },
      { kind: 'overdue', status: 'sent', n: 5 },
    ]);
  });
});
