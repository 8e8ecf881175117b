import request from 'supertest';
import { createCouncilWithPeople } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

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
        const res = await caller.as(request(t.server).get('/council')).expect(200);
        expect(res.body).toEqual({
          id: home.council.id,
          name: home.council.name,
          code: home.council.code,
          immediateWindowDays: 14,
          defaultWindowMonths: 6,
        });
      }
      const theirs = await away.staff.as(request(t.server).get('/council')).expect(200);
      expect(theirs.body).toMatchObject({ id: away.council.id });
    });

    it('answers 401 without a token', async () => {
      await request(t.server).get('/council').expect(401);
    });
  });

  describe('PATCH /council', () => {
    it('lets an admin change settings, touching no other council', async () => {
      const name = `${home.council.name} (renamed)`;
      const res = await home.admin
        .as(request(t.server).patch('/council'))
        .send({ name: `  ${name} `, code: 'REN', immediateWindowDays: 0, defaultWindowMonths: 60 })
        .expect(200);
      expect(res.body).toEqual({
        id: home.council.id,
        name,
        code: 'REN',
        immediateWindowDays: 0,
        defaultWindowMonths: 60,
      });
      // Partial: what is left out stays.
      const partial = await home.admin
        .as(request(t.server).patch('/council'))
        .send({ immediateWindowDays: 365 })
        .expect(200);
      expect(partial.body).toMatchObject({ name, code: 'REN', immediateWindowDays: 365 });

      const seen = await home.staff.as(request(t.server).get('/council')).expect(200);
      expect(seen.body).toMatchObject({ code: 'REN', immediateWindowDays: 365 });
      const theirs = await away.admin.as(request(t.server).get('/council')).expect(200);
      expect(theirs.body).toMatchObject({
        name: away.council.name,
        code: away.council.code,
        immediateWindowDays: 14,
        defaultWindowMonths: 6,
      });
    });

    it('answers 403 to managers and staff', async () => {
      for (const caller of [home.manager, home.staff]) {
        const res = await caller
          .as(request(t.server).patch('/council'))
          .send({ immediateWindowDays: 7 })
          .expect(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    });

    it('answers 409 when another council has the name (any case)', async () => {
      const res = await home.admin
        .as(request(t.server).patch('/council'))
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
        { code: 'stk' },
        { code: 'S' },
        { code: 'ABCDEFGHI' },
        { code: 'ST1' },
        { name: '   ' },
        { name: null },
        { id: away.council.id },
      ]) {
        const res = await home.admin.as(request(t.server).patch('/council')).send(change);
        expect({ change, status: res.status }).toEqual({ change, status: 400 });
      }
    });
  });
});
