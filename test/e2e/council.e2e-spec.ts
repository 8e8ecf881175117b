import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { first } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The deployment's defaults (REMINDER_OFFSETS and friends unset in tests). */
const DEFAULT_NOTIFICATIONS = {
  reminderOffsets: [28, 14, 7, 1, 0],
  assignment: true,
  ownerOverdue: true,
  escalateToLineManager: true,
  escalateToAdminsAfterDays: 28,
  weeklyDigest: true,
  sendHour: 8,
  workingDaysOnly: true,
};

describe('council (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t);
    away = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  describe('GET /council', () => {
    it('shows every role its own council and settings', async () => {
      for (const caller of [home.admin, home.manager, home.staff]) {
        const res = await caller.as(request(t.server).get('/api/council')).expect(200);
        expect(res.body).toEqual({
          id: home.council.id,
          name: home.council.name,
          code: home.council.code,
          immediateWindowDays: 14,
          defaultWindowMonths: 6,
          measureTolerancePercent: 10,
          notifications: DEFAULT_NOTIFICATIONS,
        });
      }
      const theirs = await away.staff.as(request(t.server).get('/api/council')).expect(200);
      expect(theirs.body).toMatchObject({ id: away.council.id });
    });

    it('answers 401 without a token', async () => {
      await request(t.server).get('/api/council').expect(401);
    });
  });

  describe('PATCH /council', () => {
    it('lets an admin change settings, touching no other council', async () => {
      const name = `${home.council.name} (renamed)`;
      const res = await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({
          name: `  ${name} `,
          code: 'REN',
          immediateWindowDays: 0,
          defaultWindowMonths: 60,
          measureTolerancePercent: 25,
        })
        .expect(200);
      expect(res.body).toEqual({
        id: home.council.id,
        name,
        code: 'REN',
        immediateWindowDays: 0,
        defaultWindowMonths: 60,
        measureTolerancePercent: 25,
        notifications: DEFAULT_NOTIFICATIONS,
      });
      // Partial: what is left out stays.
      const partial = await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ immediateWindowDays: 365 })
        .expect(200);
      expect(partial.body).toMatchObject({ name, code: 'REN', immediateWindowDays: 365 });

      const seen = await home.staff.as(request(t.server).get('/api/council')).expect(200);
      expect(seen.body).toMatchObject({ code: 'REN', immediateWindowDays: 365 });
      const theirs = await away.admin.as(request(t.server).get('/api/council')).expect(200);
      expect(theirs.body).toMatchObject({
        name: away.council.name,
        code: away.council.code,
        immediateWindowDays: 14,
        defaultWindowMonths: 6,
        measureTolerancePercent: 10,
      });
    });

    it('changes reminder rules field by field and plans every action again', async () => {
      const plan = await createPlan(t, home.council, home.admin.user, {
        recommendations: [
          { actions: [{ status: 'open', ownerId: home.staff.user.id, dueOn: '2030-01-10' }] },
        ],
      });
      const awayPlan = await createPlan(t, away.council, away.admin.user);
      const db = t.app.get(DataSource);
      // As a sweep would leave them: nothing to look at until 2029.
      await db.query(`UPDATE reminder_schedule SET check_at = '2029-12-13T08:00:00Z'`);
      const res = await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ notifications: { reminderOffsets: [10, 2], escalateToAdminsAfterDays: null } })
        .expect(200);
      expect((res.body as { notifications: unknown }).notifications).toEqual({
        ...DEFAULT_NOTIFICATIONS,
        reminderOffsets: [10, 2],
        escalateToAdminsAfterDays: null,
      });
      const next = await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ notifications: { weeklyDigest: false } })
        .expect(200);
      // What was left out keeps the value set before.
      expect((next.body as { notifications: unknown }).notifications).toMatchObject({
        reminderOffsets: [10, 2],
        escalateToAdminsAfterDays: null,
        weeklyDigest: false,
      });
      const theirs = await away.admin.as(request(t.server).get('/api/council')).expect(200);
      expect(theirs.body).toMatchObject({ notifications: DEFAULT_NOTIFICATIONS });

      const checks = await db.query<Array<{ action_id: string; check_at: string }>>(
        `SELECT action_id, check_at::text FROM reminder_schedule WHERE action_id = ANY($1)`,
        [[first(plan.actions).id, first(awayPlan.actions).id]],
      );
      expect(Object.fromEntries(checks.map((row) => [row.action_id, row.check_at]))).toEqual({
        [first(plan.actions).id]: '-infinity',
        [first(awayPlan.actions).id]: '2029-12-13 08:00:00+00',
      });
    });

    it.each([
      [{ reminderOffsets: [] }],
      [{ reminderOffsets: [7, 7] }],
      [{ reminderOffsets: [400] }],
      [{ reminderOffsets: [1.5] }],
      [{ escalateToAdminsAfterDays: 0 }],
      [{ weeklyDigest: 'yes' }],
      [{ sendHour: 9 }],
    ])('refuses notifications %j with 400, changing nothing', async (notifications) => {
      const before = await home.admin.as(request(t.server).get('/api/council')).expect(200);
      await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ notifications })
        .expect(400);
      const after = await home.admin.as(request(t.server).get('/api/council')).expect(200);
      expect(after.body).toEqual(before.body);
    });

    it('answers 403 to managers and staff', async () => {
      for (const caller of [home.manager, home.staff]) {
        const res = await caller
          .as(request(t.server).patch('/api/council'))
          .send({ immediateWindowDays: 7 })
          .expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    });

    it('answers 409 when another council has the name (any case)', async () => {
      const res = await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ name: away.council.name.toUpperCase() })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    });

    it('answers 400 for out-of-range, malformed or unknown fields', async () => {
      for (const change of [
        { immediateWindowDays: -1 },
        { immediateWindowDays: 366 },
        { immediateWindowDays: 1.5 },
        { immediateWindowDays: '14' },
        { defaultWindowMonths: 0 },
        { defaultWindowMonths: 61 },
        { measureTolerancePercent: -1 },
        { measureTolerancePercent: 51 },
        { measureTolerancePercent: 2.5 },
        { code: 'stk' },
        { code: 'S' },
        { code: 'ABCDEFGHI' },
        { code: 'ST1' },
        { name: '   ' },
        { name: null },
        { id: away.council.id },
      ]) {
        const res = await home.admin.as(request(t.server).patch('/api/council')).send(change);
        expect({ change, status: res.status }).toEqual({ change, status: 400 });
      }
    });
  });
});
