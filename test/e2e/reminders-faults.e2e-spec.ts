import { type Council, CouncilsService } from '@app/people';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createReminderRig, type ReminderRig } from '../support/reminders';
import { atLeast, first } from '../support/items';

// Monday 4 January 2027, 09:00 in England (GMT): a working day, past the 08:00 send hour, the
// day of the week's digest. A deadline on Monday 11 January is owed its 7-day reminder now.
const START = '2027-01-04T09:00:00Z';
const DUE = '2027-01-11';

interface Cast {
  council: Council;
  manager: TestUser;
  owner: TestUser;
}

interface ScheduleRow {
  checkAt: Date;
  skippedAt: Date | null;
  skipError: string | null;
  skips: number;
}

describe('Reminders: one action that cannot be planned does not stop anyone else’s', () => {
  let rig: ReminderRig;
  let db: DataSource;

  beforeAll(async () => {
    rig = await createReminderRig({ start: START });
    db = rig.api.app.get(DataSource);
  });

  afterAll(() => rig?.close());

  /** A council with a manager and one staff member reporting to them; no assignment emails. */
  async function cast(code: string, settings: { weeklyDigest?: boolean } = {}): Promise<Cast> {
    const council = await createCouncil(rig.api, { code });
    // Without assignment emails the 7-day reminder itself is owed (not covered by one).
    await rig.api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { assignment: false, ...settings } });
    const manager = await createUser(rig.api, council, { role: 'manager' });
    const owner = await createUser(rig.api, council, { lineManagerId: manager.user.id });
    return { council, manager, owner };
  }

  /** Open actions of `owner`, each due on `dueOn`, written straight to the tables. */
  async function openActions(who: Cast, titles: string[], dueOn = DUE) {
    const plan = await createPlan(rig.api, who.council, who.manager.user, {
      year: 2027,
      recommendations: titles.map((title) => ({
        actions: [{ title, status: 'open' as const, ownerId: who.owner.user.id, dueOn }],
      })),
    });
    return plan.actions;
  }

  const scheduleOf = async (actionId: string): Promise<ScheduleRow> => {
    const rows = await db.query<ScheduleRow[]>(
      `SELECT check_at AS "checkAt", skipped_at AS "skippedAt", skip_error AS "skipError", skips
         FROM reminder_schedule WHERE action_id = $1`,
      [actionId],
    );
    return first(rows);
  };

  const remindersHealth = async (): Promise<unknown> => {
    const res = await request(rig.api.server).get('/health').expect(200);
    return (res.body as { details: { reminders: unknown } }).details.reminders;
  };

  /** "to subject-up-to-the-colon", sorted: who got what. */
  const mailSummary = (): string[] =>
    rig
      .takeMail()
      .map((mail) => `${mail.to.join(',')} ${mail.subject.split(':')[0]}`)
      .sort();

  it('skips an action whose deadline breaks the schedule, and sends every other reminder and digest', async () => {
    const bad = await cast('BAD');
    const good = await cast('GUD');
    const [broken, sameCouncil] = atLeast(
      await openActions(bad, ['Broken deadline', 'Fine deadline']),
      2,
    );
    const otherCouncil = first(await openActions(good, ['Another council’s action']));
    // A deadline stored before dates were bounded (the API refuses it now): the overdue
    // schedule after it falls beyond year 9999 and cannot be worked out.
    await db.query(
      `UPDATE actions SET due_on = '9999-12-31', original_due_on = '9999-12-31' WHERE id = $1`,
      [broken.id],
    );

    expect(await rig.sweep()).toEqual({ checked: 3, created: 4, enqueued: 4, skipped: 1 });
    await rig.settle();
    // Both councils' reminders, and both managers' digests (each lists their report's action).
    expect(mailSummary()).toEqual(
      [
        `${bad.owner.user.email} Due in 7 days`,
        `${good.owner.user.email} Due in 7 days`,
        `${bad.manager.user.email} Weekly summary`,
        `${good.manager.user.email} Weekly summary`,
      ].sort(),
    );
    const sent = first(
      await db.query<Array<{ actions: string[] }>>(
        `SELECT array_agg(action_id::text ORDER BY action_id) AS actions
           FROM notifications WHERE kind = 'due_soon' AND status = 'sent'`,
      ),
    );
    expect(sent.actions).toEqual([sameCouncil.id, otherCouncil.id].sort());

    // Marked, counted, and left alone for a day rather than failing again at every sweep.
    const oneDayLater = new Date(Date.parse(START) + 24 * 3600 * 1000);
    expect(await scheduleOf(broken.id)).toEqual({
      checkAt: oneDayLater,
      skippedAt: new Date(START),
      skipError: expect.stringMatching(/^Not an ISO date/) as unknown,
      skips: 1,
    });
    expect(await remindersHealth()).toEqual({
      status: 'up',
      skippedActions: 1,
      lastSkippedAt: new Date(START).toISOString(),
    });
    rig.clock.set('2027-01-04T10:00:00Z');
    expect(await rig.sweep()).toMatchObject({ checked: 0, skipped: 0 });

    // A day on it is tried again, still fails, and is still counted once.
    rig.clock.set('2027-01-05T09:01:00Z');
    expect(await rig.sweep()).toMatchObject({ checked: 1, skipped: 1 });
    expect(await scheduleOf(broken.id)).toMatchObject({ skips: 2 });
    expect(await remindersHealth()).toMatchObject({ skippedActions: 1 });

    // A manager gives it a real deadline: its next check works, and the count clears.
    await bad.manager
      .as(request(rig.api.server).patch(`/api/actions/${broken.id}`))
      .send({ dueOn: '2027-06-01', dueOnReason: 'The stored date was a typing error' })
      .expect(200);
    await rig.sweep();
    await rig.settle();
    expect(await scheduleOf(broken.id)).toMatchObject({
      skippedAt: null,
      skipError: null,
      skips: 0,
    });
    expect(await remindersHealth()).toEqual({
      status: 'up',
      skippedActions: 0,
      lastSkippedAt: null,
    });
    rig.takeMail();
  }, 60_000);

  it('skips an action whose notifications Postgres refuses, and records the rest of its batch', async () => {
    const who = await cast('SQL', { weeklyDigest: false });
    // Tuesday 5 January: a deadline on Tuesday 12th is owed its 7-day reminder.
    rig.clock.set('2027-01-05T09:30:00Z');
    const [refused, kept] = atLeast(
      await openActions(who, ['Refused by Postgres', 'Kept'], '2027-01-12'),
      2,
    );
    // A fault only Postgres sees: any row for this action fails, as a broken value would.
    await db.query(`
      CREATE FUNCTION refuse_one_action() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused for the test: %', NEW.action_id;
      END $$`);
    await db.query(
      `CREATE TRIGGER refuse_one_action BEFORE INSERT ON notifications FOR EACH ROW
         WHEN (NEW.action_id = '${refused.id}') EXECUTE FUNCTION refuse_one_action()`,
    );
    try {
      expect(await rig.sweep()).toEqual({ checked: 2, created: 1, enqueued: 1, skipped: 1 });
    } finally {
      await db.query(`DROP TRIGGER refuse_one_action ON notifications`);
      await db.query(`DROP FUNCTION refuse_one_action()`);
    }
    await rig.settle();
    expect(mailSummary()).toEqual([`${who.owner.user.email} Due in 7 days`]);
    const rows = await db.query<Array<{ actionId: string; status: string }>>(
      `SELECT action_id AS "actionId", status FROM notifications WHERE action_id = ANY($1)`,
      [[refused.id, kept.id]],
    );
    expect(rows).toEqual([{ actionId: kept.id, status: 'sent' }]);
    expect(await scheduleOf(refused.id)).toMatchObject({
      skipError: `refused for the test: ${refused.id}`,
      skips: 1,
    });
    expect(await scheduleOf(kept.id)).toMatchObject({ skippedAt: null, skips: 0 });
    expect(await remindersHealth()).toMatchObject({ skippedActions: 1 });
  }, 60_000);
  it('leaves an action a request holds locked to a later sweep, without waiting for it', async () => {
    const who = await cast('LCK', { weeklyDigest: false });
    // Wednesday 6 January: a deadline on Wednesday 13th is owed its 7-day reminder (and the
    // action refused above is not looked at again until 09:30).
    rig.clock.set('2027-01-06T09:00:00Z');
    const [held, free] = atLeast(
      await openActions(who, ['Held by a request', 'Free'], '2027-01-13'),
      2,
    );
    // A request in the middle of changing `held`: its row is locked as an update locks it.
    const request = db.createQueryRunner();
    await request.connect();
    await request.startTransaction();
    try {
      await request.query(`SELECT id FROM actions WHERE id = $1 FOR UPDATE`, [held.id]);
      expect(await rig.sweep()).toEqual({ checked: 1, created: 1, enqueued: 1, skipped: 0 });
      // Not again in the same sweep's time, while the request still holds it.
      expect(await rig.sweep()).toMatchObject({ checked: 0 });
    } finally {
      await request.rollbackTransaction();
      await request.release();
    }
    await rig.settle();
    expect(mailSummary()).toEqual([`${who.owner.user.email} Due in 7 days`]);
    const owed = async (actionId: string) =>
      db.query<Array<{ status: string }>>(`SELECT status FROM notifications WHERE action_id = $1`, [
        actionId,
      ]);
    expect(await owed(free.id)).toEqual([{ status: 'sent' }]);
    expect(await owed(held.id)).toEqual([]);

    // Released: the next sweep looks at it like any other.
    rig.clock.set('2027-01-06T09:05:00Z');
    expect(await rig.sweep()).toMatchObject({ checked: 1, created: 1, skipped: 0 });
    await rig.settle();
    expect(mailSummary()).toEqual([`${who.owner.user.email} Due in 7 days`]);
    expect(await owed(held.id)).toEqual([{ status: 'sent' }]);
  }, 60_000);
});
