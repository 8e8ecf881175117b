import { CouncilsService } from '@app/people';
import { QueueName } from '@app/queue';
import { RemindersQueue } from '@app/reminders';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createReminderRig, dayFrom, type ReminderRig } from '../support/reminders';
import { nth } from '../support/items';

interface People {
  admin: TestUser;
  manager: TestUser;
  first: TestUser;
  second: TestUser;
}

/**
 * How reminders follow what people do to an action, and the calendar. Expected days are worked
 * out by hand from the rules in docs/reminders.md. Each block has its own rig (database, queues, sink).
 */
describe('Reminders follow changes to the action', () => {
  let rig: ReminderRig;
  let people: People;

  /** An open action owned by `owner`, due on `dueOn`, created at the rig's clock. */
  async function openAction(
    owner: TestUser,
    dueOn: string,
  ): Promise<{ id: string; reference: string }> {
    const plan = await createPlan(rig.api, await councilOf(owner), people.admin.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Review every child in need plan',
              status: 'open',
              ownerId: owner.user.id,
              dueOn,
              successMeasure: 'All plans reviewed within 20 working days',
            },
          ],
        },
      ],
    });
    const { id, reference } = nth(plan.actions, 0);
    return { id, reference };
  }

  async function councilOf(user: TestUser) {
    return rig.api.app.get(CouncilsService).get(user.user.councilId);
  }

  /** Sweeps at 08:30 London on each day from `from` to `to` (inclusive); returns "day to subject". */
  async function walk(from: string, to: string): Promise<string[]> {
    const lines: string[] = [];
    for (let day = from; day <= to; day = dayFrom(day, 1)) {
      rig.clock.set(`${day}T08:30:00Z`);
      await rig.sweep();
      await rig.settle();
      lines.push(
        ...rig
          .takeMail()
          .map((mail) => `${day} ${mail.to.join(',')} ${mail.subject.split(':')[0]}`)
          .sort(),
      );
    }
    return lines;
  }

  async function setup(start: string): Promise<void> {
    rig = await createReminderRig({ start });
    const council = await createCouncil(rig.api);
    await rig.api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { weeklyDigest: false } });
    const admin = await createUser(rig.api, council, { role: 'admin' });
    const manager = await createUser(rig.api, council, { role: 'manager' });
    const first = await createUser(rig.api, council, { lineManagerId: manager.user.id });
    const second = await createUser(rig.api, council, { lineManagerId: manager.user.id });
    people = { admin, manager, first, second };
  }

  afterEach(() => rig?.close());

  // Winter dates, so London is on GMT and 08:30Z is 08:30 there. Friday 12 March 2027 is the
  // deadline; no bank holiday is near it (Easter 2027 is at the end of March).
  const DUE = '2027-03-12';

  it('a reassigned action reminds only its new owner, who hears of it at once', async () => {
    await setup('2027-03-03T08:30:00Z');
    const { id } = await openAction(people.first, DUE);
    // The 14-day moment (Fri 26 Feb) had passed when the action was made: the assignment
    // email gives the deadline, so that reminder is not sent as well.
    expect(await walk('2027-03-03', '2027-03-06')).toEqual([
      `2027-03-03 ${people.first.user.email} Assigned to you`,
      `2027-03-05 ${people.first.user.email} Due in 7 days`,
    ]);

    rig.clock.set('2027-03-08T10:00:00Z');
    await people.manager
      .as(request(rig.api.server).patch(`/api/actions/${id}`))
      .send({ ownerId: people.second.user.id })
      .expect(200);
    await rig.settle();
    const handedOver = rig.takeMail();
    expect(handedOver.map((mail) => `${mail.to.join(',')} ${mail.subject.split(':')[0]}`)).toEqual([
      `${people.second.user.email} Assigned to you`,
    ]);
    // Says who gave it to them.
    expect(nth(handedOver, 0).text).toContain(
      `${people.manager.user.name} has assigned this action to you.`,
    );

    // Saturday 13th is the first overdue day: the overdue email waits for Monday.
    expect(await walk('2027-03-09', '2027-03-15')).toEqual([
      `2027-03-11 ${people.second.user.email} Due tomorrow`,
      `2027-03-12 ${people.second.user.email} Due today`,
      `2027-03-15 ${people.manager.user.email} Escalation`,
      `2027-03-15 ${people.second.user.email} Overdue by 3 days`,
    ]);
  }, 60_000);

  it('a changed deadline reschedules: only the latest missed reminder, once', async () => {
    await setup('2027-02-10T08:30:00Z');
    const { id } = await openAction(people.first, DUE);
    expect(await walk('2027-02-10', '2027-02-18')).toEqual([
      `2027-02-10 ${people.first.user.email} Assigned to you`,
      `2027-02-12 ${people.first.user.email} Due in 28 days`,
    ]);

    // Brought forward to Monday 1 March, 11 days away: its 28- and 14-day moments have both
    // passed; only the 14-day one is owed, and it goes at once (inside the send window).
    rig.clock.set('2027-02-18T11:00:00Z');
    await people.manager
      .as(request(rig.api.server).patch(`/api/actions/${id}`))
      .send({ dueOn: '2027-03-01', dueOnReason: 'The inspectors asked for it sooner' })
      .expect(200);
    await rig.settle();
    // The manager moved it, so the owner is also told of the change itself.
    expect(
      rig
        .takeMail()
        .map((mail) => mail.subject.split(':')[0])
        .sort(),
    ).toEqual(['Deadline changed', 'Due in 11 days']);

    // The old deadline's 14-day moment (Fri 26 Feb) is gone; the new 1-day moment (Sun 28)
    // moves back to Friday.
    expect(await walk('2027-02-19', '2027-03-01')).toEqual([
      `2027-02-22 ${people.first.user.email} Due in 7 days`,
      `2027-02-26 ${people.first.user.email} Due in 3 days`,
      `2027-03-01 ${people.first.user.email} Due today`,
    ]);
  }, 60_000);

  it('tells a new owner of a deadline moved after their assignment email, the same day', async () => {
    // Monday 1 February 2027: assigned with a deadline 60 days away, then brought forward twice
    // that morning. The assignment email gave 2 April; neither new deadline is in it.
    await setup('2027-02-01T08:30:00Z');
    const { id } = await openAction(people.first, '2027-04-02');
    await rig.sweep();
    await rig.settle();
    expect(rig.takeMail().map((mail) => mail.subject.split(':')[0])).toEqual(['Assigned to you']);

    rig.clock.set('2027-02-01T09:00:00Z');
    await people.manager
      .as(request(rig.api.server).patch(`/api/actions/${id}`))
      .send({ dueOn: '2027-02-08', dueOnReason: 'The inspectors asked for it sooner' })
      .expect(200);
    await rig.settle();
    expect(rig.takeMail().map((mail) => mail.subject.split(':')[0])).toContain('Due in 7 days');

    // Friday 29 January: overdue since Saturday, so the first overdue email is Monday's, today.
    rig.clock.set('2027-02-01T09:30:00Z');
    await people.manager
      .as(request(rig.api.server).patch(`/api/actions/${id}`))
      .send({ dueOn: '2027-01-29', dueOnReason: 'It was due before the plan was recorded' })
      .expect(200);
    await rig.settle();
    expect(
      rig
        .takeMail()
        .filter((mail) => mail.to.includes(people.first.user.email))
        .map((mail) => mail.subject.split(':')[0]),
    ).toContain('Overdue by 3 days');
  }, 60_000);

  it('tells the owner when someone else moves their deadline, once, and not when they do', async () => {
    await setup('2027-02-01T08:30:00Z');
    const theirs = await openAction(people.first, '2027-04-02');
    const own = await openAction(people.manager, '2027-04-02');
    await rig.sweep();
    await rig.settle();
    rig.takeMail();

    rig.clock.set('2027-02-01T09:00:00Z');
    for (const { id } of [theirs, own]) {
      await people.manager
        .as(request(rig.api.server).patch(`/api/actions/${id}`))
        .send({ dueOn: '2027-04-16', dueOnReason: 'Waiting for the new case system' })
        .expect(200);
    }
    await rig.settle();
    const told = rig.takeMail();
    expect(told.map((mail) => `${mail.to.join(',')} ${mail.subject.split(':')[0]}`)).toEqual([
      `${people.first.user.email} Deadline changed`,
    ]);
    expect(nth(told, 0).text).toContain(
      `${people.manager.user.name} has changed the deadline of this action from Friday 2 April 2027 to Friday 16 April 2027.`,
    );
    expect(nth(told, 0).text).toContain('Waiting for the new case system');
    expect(nth(told, 0).text).toContain(`https://actions.example.gov.uk/actions/${theirs.id}`);

    // Sweeps and check jobs later never send it again.
    await rig.api.app.get(RemindersQueue).checkAction(theirs.id);
    await rig.sweep();
    await rig.settle();
    expect(rig.takeMail()).toEqual([]);
  }, 60_000);

  it('completing an action stops everything, including an email already owed', async () => {
    await setup('2027-03-04T07:00:00Z');
    const { id } = await openAction(people.first, DUE);
    await rig.sweep();
    await rig.settle();
    rig.takeMail();

    // The 7-day reminder is recorded and queued while no email can leave, then the owner
    // completes the action: when sending resumes, the reminder is dropped, not sent.
    // Paused on the queue, not the worker: a worker's fetch already waiting would still take it.
    const mailQueue = rig.worker.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
    await mailQueue.pause();
    rig.clock.set('2027-03-05T08:30:00Z');
    expect((await rig.sweep()).enqueued).toBe(1);
    await people.first
      .as(request(rig.api.server).patch(`/api/actions/${id}`))
      .send({ status: 'completed' })
      .expect(200);
    await mailQueue.resume();
    await rig.settle();
    expect(rig.takeMail()).toEqual([]);
    const [row] = await rig.api.app
      .get(DataSource)
      .query<Array<{ status: string; reason: string }>>(
        `SELECT status, reason FROM notifications WHERE kind = 'due_soon'`,
      );
    expect(row).toEqual({ status: 'cancelled', reason: 'the action is completed' });

    expect(await walk('2027-03-06', '2027-03-22')).toEqual([]);
  }, 60_000);

  it('gathers a day of escalations to one manager into one email', async () => {
    await setup('2027-03-01T07:00:00Z');
    const one = await openAction(people.first, '2027-03-26');
    const two = await openAction(people.second, '2027-03-26');
    await rig.sweep();
    await rig.settle();
    rig.takeMail();

    // Thursday 4 March: both deadlines are moved to Monday 1 March, so both are overdue.
    rig.clock.set('2027-03-04T09:00:00Z');
    for (const { id } of [one, two]) {
      await people.manager
        .as(request(rig.api.server).patch(`/api/actions/${id}`))
        .send({ dueOn: '2027-03-01', dueOnReason: 'Recorded late' })
        .expect(200);
    }
    await rig.settle();
    // The owners hear at once (of the overdue action and of who moved its deadline); the
    // manager's escalation waits for the sweep to gather them.
    expect(
      rig
        .takeMail()
        .map((mail) => mail.subject.split(':')[0])
        .sort(),
    ).toEqual(['Deadline changed', 'Deadline changed', 'Overdue by 3 days', 'Overdue by 3 days']);
    await rig.sweep();
    await rig.settle();
    const escalations = rig.takeMail();
    expect(escalations.map((mail) => `${mail.to.join(',')} ${mail.subject}`)).toEqual([
      `${people.manager.user.email} Escalation: 2 actions overdue in your team`,
    ]);
    expect(nth(escalations, 0).text).toContain(one.reference);
    expect(nth(escalations, 0).text).toContain(two.reference);
  }, 60_000);

  it('skips weekends and bank holidays: early before a deadline, late after it', async () => {
    // Christmas 2027: Sat 25 and Sun 26 December, so the bank holidays are Mon 27 and Tue 28.
    // Deadline Wednesday 29 December. The 1-day moment (Tue 28) moves back to Fri 24; the
    // first overdue day (Thu 30) is a working day; day 8 overdue (Thu 6 Jan) too.
    const due = '2027-12-29';
    await setup('2027-12-20T08:30:00Z');
    await openAction(people.first, due);
    await rig.sweep();
    await rig.settle();
    rig.takeMail();
    const mail = await walk('2027-12-21', '2027-12-31');
    const owner = people.first.user.email;
    expect(mail).toEqual([
      `2027-12-22 ${owner} Due in 7 days`,
      `2027-12-24 ${owner} Due in 5 days`,
      `2027-12-29 ${owner} Due today`,
      `2027-12-30 ${people.manager.user.email} Escalation`,
      `2027-12-30 ${owner} Overdue by 1 day`,
    ]);
  }, 60_000);

  it('sends an overdue email on the next working day when the first overdue day is a Saturday', async () => {
    await setup('2027-01-14T08:30:00Z');
    await openAction(people.first, '2027-01-15');
    await rig.sweep();
    await rig.settle();
    rig.takeMail();
    const mail = await walk('2027-01-16', '2027-01-18');
    expect(mail).toEqual([
      `2027-01-18 ${people.manager.user.email} Escalation`,
      `2027-01-18 ${people.first.user.email} Overdue by 3 days`,
    ]);
  }, 60_000);
});

describe('The weekly digest', () => {
  let rig: ReminderRig;

  afterEach(() => rig?.close());

  it('gives a digest-only manager a Monday summary instead of escalations', async () => {
    // Monday 11 January 2027. Two actions in the manager's team: one overdue since Friday 8th,
    // one due on Thursday 21st (within 14 days); one due in March (not listed).
    rig = await createReminderRig({ start: '2027-01-09T10:00:00Z' });
    const council = await createCouncil(rig.api);
    const admin = await createUser(rig.api, council, { role: 'admin' });
    const manager = await createUser(rig.api, council, { role: 'manager', name: 'Dee Gest' });
    await manager
      .as(request(rig.api.server).patch('/api/me'))
      .send({ emailPreference: 'digest' })
      .expect(200)
      .expect(({ body }: { body: { emailPreference: string } }) =>
        expect(body.emailPreference).toBe('digest'),
      );
    const owner = await createUser(rig.api, council, { lineManagerId: manager.user.id });
    const action = (title: string, dueOn: string) => ({
      title,
      status: 'open' as const,
      ownerId: owner.user.id,
      dueOn,
      successMeasure: 'Measured monthly',
    });
    await createPlan(rig.api, council, admin.user, {
      recommendations: [
        {
          actions: [
            action('Late one', '2027-01-08'),
            action('Soon one', '2027-01-21'),
            action('Far one', '2027-03-31'),
          ],
        },
      ],
    });
    await rig.sweep();
    await rig.settle();
    rig.takeMail();

    const subjects: string[] = [];
    for (const day of ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-18']) {
      rig.clock.set(`${day}T08:30:00Z`);
      await rig.sweep();
      await rig.settle();
      subjects.push(
        ...rig
          .takeMail()
          .filter((mail) => mail.to.includes(manager.user.email))
          .map((mail) => `${day} ${mail.subject}`),
      );
    }
    expect(subjects).toEqual([
      '2027-01-11 Weekly summary: 1 overdue, 1 due in the next 14 days',
      '2027-01-18 Weekly summary: 1 overdue, 1 due in the next 14 days',
    ]);
    const digest = rig.sink.messages().find((mail) => mail.subject.startsWith('Weekly summary'));
    expect(digest?.text).toContain('Late one');
    expect(digest?.text).toContain('Soon one');
    expect(digest?.text).not.toContain('Far one');
    const escalations = await rig.api.app
      .get(DataSource)
      .query<unknown[]>(
        `SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'escalation'`,
        [manager.user.id],
      );
    expect(escalations).toEqual([]);
  }, 60_000);
});
