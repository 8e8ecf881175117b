import { addYears, formatISO, parseISO } from 'date-fns';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  type ActionJson,
  daysFromToday,
  type HistoryJson,
  todayInLondon,
} from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan, type PlanActionInput } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { first, nth, only } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

describe('actions: detail, split, edit, progress, history (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'STK' });
    away = await createCouncilWithPeople(t, { code: 'OTH' });
  });

  afterAll(() => t?.close());

  /** A fresh plan in the home council: one recommendation with the given actions. */
  async function oneAction(spec: PlanActionInput = {}) {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [{ actions: [spec] }],
    });
    return only(plan.actions);
  }

  const patch = (who: TestUser, id: string, body: object) =>
    who.as(request(t.server).patch(`/api/actions/${id}`)).send(body);
  const show = async (who: TestUser, id: string): Promise<ActionJson> =>
    (await who.as(request(t.server).get(`/api/actions/${id}`)).expect(200)).body as ActionJson;
  const history = async (who: TestUser, id: string): Promise<HistoryJson[]> =>
    (await who.as(request(t.server).get(`/api/actions/${id}/history`)).expect(200))
      .body as HistoryJson[];

  describe('GET /actions/:id', () => {
    it('shows an action to anyone in the council, with derived fields', async () => {
      const action = await oneAction({
        status: 'open',
        ownerId: home.staff.user.id,
        dueOn: daysFromToday(-4),
      });
      const body = await show(home.otherStaff, action.id);
      expect(body).toMatchObject({
        id: action.id,
        reference: action.reference,
        owner: {
          id: home.staff.user.id,
          name: home.staff.user.name,
          email: home.staff.user.email,
        },
        status: 'open',
        overdue: true,
        daysLeft: -4,
        dueOn: daysFromToday(-4),
        originalDueOn: daysFromToday(-4),
        slippageDays: 0,
        smartGaps: [],
        responsible: [home.council.name],
        recommendation: { ref: 'R1' },
        inspection: { reference: expect.stringMatching(/^STK-2026/) as unknown },
        updates: [],
        deadlineRevisions: [],
      });
      expect(body.reference).toMatch(/^STK-2026(-\d+)?-R1-1$/);
    });

    it('lists what a draft lacks', async () => {
      const action = await oneAction({ dueOn: null });
      expect((await show(home.staff, action.id)).smartGaps).toEqual([
        'owner',
        'dueOn',
        'successMeasure',
      ]);
    });

    it('answers 404 for another council’s action, 400 for a bad id, 401 without a session', async () => {
      const action = await oneAction();
      const res = await away.admin
        .as(request(t.server).get(`/api/actions/${action.id}`))
        .expect(404);
      expect(res.body).toMatchObject({ message: 'Action not found' });
      await home.staff
        .as(request(t.server).get('/api/actions/00000000-0000-4000-8000-000000000000'))
        .expect(404);
      await home.staff.as(request(t.server).get('/api/actions/not-a-uuid')).expect(400);
      await request(t.server).get(`/api/actions/${action.id}`).expect(401);
    });
  });

  describe('POST /actions (split)', () => {
    it('splits a recommendation into actions with their own owners: -1, -2', async () => {
      const plan = await createPlan(t, home.council, home.manager.user, {
        recommendations: [{ actions: [] }],
      });
      const recommendationId = nth(plan.recommendations, 0).id;
      const first = await home.manager
        .as(request(t.server).post('/api/actions'))
        .send({
          recommendationId,
          title: 'Train team managers',
          ownerId: home.staff.user.id,
          dueOn: '2026-09-01',
          successMeasure: 'All team managers trained',
        })
        .expect(201);
      const second = await home.admin
        .as(request(t.server).post('/api/actions'))
        .send({ recommendationId, title: 'Audit plans', ownerId: home.otherStaff.user.id })
        .expect(201);
      const a = first.body as ActionJson;
      const b = second.body as ActionJson;
      expect(a.reference).toBe(`${plan.inspection.reference}-R1-1`);
      expect(b.reference).toBe(`${plan.inspection.reference}-R1-2`);
      expect(a).toMatchObject({
        status: 'draft',
        owner: { id: home.staff.user.id },
        dueOn: '2026-09-01',
        originalDueOn: '2026-09-01',
        smartGaps: [],
        recommendation: { id: recommendationId },
      });
      expect(b).toMatchObject({
        owner: { id: home.otherStaff.user.id },
        smartGaps: ['dueOn', 'successMeasure'],
      });

      const [created] = await history(home.staff, a.id);
      expect(created).toMatchObject({
        event: 'created',
        actor: { id: home.manager.user.id },
        changes: {
          title: { from: null, to: 'Train team managers' },
          ownerId: { from: null, to: home.staff.user.id },
          status: { from: null, to: 'draft' },
        },
      });
    });

    it('continues after the existing actions of a recommendation', async () => {
      const plan = await createPlan(t, home.council, home.manager.user, {
        recommendations: [{ actions: [{}, {}] }],
      });
      const res = await home.manager
        .as(request(t.server).post('/api/actions'))
        .send({ recommendationId: nth(plan.recommendations, 0).id, title: 'A third part' })
        .expect(201);
      expect((res.body as ActionJson).reference).toBe(`${plan.inspection.reference}-R1-3`);
    });

    it('is for managers: staff get 403', async () => {
      const plan = await createPlan(t, home.council, home.manager.user);
      await home.staff
        .as(request(t.server).post('/api/actions'))
        .send({ recommendationId: nth(plan.recommendations, 0).id, title: 'Mine' })
        .expect(403);
    });

    it('answers 404 for another council’s recommendation or owner, and disabled owners', async () => {
      const plan = await createPlan(t, home.council, home.manager.user);
      const recommendationId = nth(plan.recommendations, 0).id;
      const theirs = await away.manager
        .as(request(t.server).post('/api/actions'))
        .send({ recommendationId, title: 'Not ours' })
        .expect(404);
      expect(theirs.body).toMatchObject({ message: 'Recommendation not found' });

      const owner = await home.manager
        .as(request(t.server).post('/api/actions'))
        .send({ recommendationId, title: 'x', ownerId: away.staff.user.id })
        .expect(404);
      expect(owner.body).toMatchObject({ message: 'Owner not found' });

      const gone = await createCouncilWithPeople(t);
      await t.app
        .get(DataSource)
        .query('UPDATE users SET disabled_at = now() WHERE id = $1', [gone.staff.user.id]);
      await gone.manager
        .as(request(t.server).post('/api/actions'))
        .send({
          recommendationId: first(
            (await createPlan(t, gone.council, gone.manager.user)).recommendations,
          ).id,
          title: 'x',
          ownerId: gone.staff.user.id,
        })
        .expect(404);
    });

    it('validates the body', async () => {
      const plan = await createPlan(t, home.council, home.manager.user);
      const recommendationId = nth(plan.recommendations, 0).id;
      const send = (body: object) =>
        home.manager.as(request(t.server).post('/api/actions')).send(body).expect(400);
      await send({ title: 'No recommendation' });
      await send({ recommendationId, title: '   ' });
      await send({ recommendationId, title: 'x', dueOn: '2026-02-30' });
      await send({ recommendationId, title: 'x', dueOn: '9999-12-31' });
      await send({ recommendationId, title: 'x', status: 'open' });
      await send({ recommendationId: 'nope', title: 'x' });
    });
  });

  describe('PATCH /actions/:id', () => {
    it('refuses to leave draft without owner, deadline and success measure (422)', async () => {
      const action = await oneAction({ dueOn: null });
      const res = await patch(home.manager, action.id, { status: 'open' }).expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        details: { missing: ['ownerId', 'dueOn', 'successMeasure'] },
      });
      expect((res.body as { message: string }).message).toContain('ownerId, dueOn, successMeasure');
      // Nothing was written.
      expect((await show(home.manager, action.id)).status).toBe('draft');
      expect(await history(home.manager, action.id)).toEqual([]);
    });

    it('lets one PATCH fill the gaps and open the action', async () => {
      const action = await oneAction({ dueOn: null });
      const res = await patch(home.manager, action.id, {
        ownerId: home.staff.user.id,
        dueOn: '2027-01-31',
        successMeasure: 'Audits rate 90% of plans good',
        status: 'open',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'open',
        owner: { id: home.staff.user.id },
        dueOn: '2027-01-31',
        originalDueOn: '2027-01-31',
        smartGaps: [],
      });
      const events = (await history(home.manager, action.id)).map((e) => e.event);
      expect(events).toEqual(['updated', 'status_changed']);
    });

    it('refuses an out-of-draft action losing its owner (422)', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const res = await patch(home.manager, action.id, { ownerId: null }).expect(422);
      expect(res.body).toMatchObject({ details: { missing: ['ownerId'] } });
    });

    it('moves a draft deadline freely, originalDueOn following it', async () => {
      const action = await oneAction({ dueOn: '2026-09-01' });
      const res = await patch(home.manager, action.id, { dueOn: '2026-10-15' }).expect(200);
      expect(res.body).toMatchObject({
        dueOn: '2026-10-15',
        originalDueOn: '2026-10-15',
        slippageDays: 0,
        deadlineRevisions: [],
      });
      const [entry] = await history(home.manager, action.id);
      expect(entry).toMatchObject({
        event: 'updated',
        changes: {
          dueOn: { from: '2026-09-01', to: '2026-10-15' },
          originalDueOn: { from: '2026-09-01', to: '2026-10-15' },
        },
      });
    });

    it('refuses a deadline before 2000 or more than ten years ahead (400), writing nothing', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      // Ten years after today in England (date-fns keeps 29 February to the 28th).
      const latest = formatISO(addYears(parseISO(todayInLondon()), 10), { representation: 'date' });
      for (const dueOn of ['9999-12-31', '1999-12-31']) {
        const res = await patch(home.manager, action.id, { dueOn, dueOnReason: 'Typo' }).expect(
          400,
        );
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: `dueOn must be a date from 2000-01-01 to ${latest}`,
          requestId: expect.any(String) as unknown,
        });
      }
      expect((await show(home.manager, action.id)).dueOn).toBe(action.dueOn);
      expect(await history(home.manager, action.id)).toEqual([]);
      // Both ends are inside.
      await patch(home.manager, action.id, { dueOn: latest, dueOnReason: 'Long plan' }).expect(200);
      await patch(home.manager, action.id, { dueOn: '2000-01-01', dueOnReason: 'Old' }).expect(200);
    });

    it('revises a committed deadline only with a reason, keeping originalDueOn', async () => {
      const action = await oneAction({
        status: 'open',
        ownerId: home.staff.user.id,
        dueOn: '2026-09-01',
      });
      const refused = await patch(home.manager, action.id, { dueOn: '2026-10-01' }).expect(400);
      expect((refused.body as { message: string }).message).toContain('dueOnReason');

      const res = await patch(home.manager, action.id, {
        dueOn: '2026-10-01',
        dueOnReason: 'Audit tool delivered late',
      }).expect(200);
      const body = res.body as ActionJson;
      expect(body).toMatchObject({
        dueOn: '2026-10-01',
        originalDueOn: '2026-09-01',
        slippageDays: 30,
      });
      expect(body.deadlineRevisions).toEqual([
        expect.objectContaining({
          fromDueOn: '2026-09-01',
          toDueOn: '2026-10-01',
          reason: 'Audit tool delivered late',
          revisedBy: expect.objectContaining({ id: home.manager.user.id }) as unknown,
        }),
      ]);
      const entries = await history(home.manager, action.id);
      expect(entries).toEqual([
        expect.objectContaining({
          event: 'deadline_revised',
          changes: { dueOn: { from: '2026-09-01', to: '2026-10-01' } },
          reason: 'Audit tool delivered late',
        }),
      ]);
    });

    it('refuses illegal transitions, naming from, to and what is allowed (400)', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const res = await patch(home.manager, action.id, { status: 'verified' }).expect(400);
      expect((res.body as { message: string }).message).toBe(
        'Cannot change status from open to verified; allowed next: in_progress, blocked, completed, cancelled',
      );
      const verified = await oneAction({ status: 'verified', ownerId: home.staff.user.id });
      const final = await patch(home.manager, verified.id, { status: 'open' }).expect(400);
      expect((final.body as { message: string }).message).toContain('final');
    });

    it('needs a reason to block or cancel', async () => {
      const action = await oneAction({ status: 'in_progress', ownerId: home.staff.user.id });
      await patch(home.staff, action.id, { status: 'blocked' }).expect(400);
      const res = await patch(home.staff, action.id, {
        status: 'blocked',
        statusReason: 'Waiting for the case system',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'blocked',
        statusReason: 'Waiting for the case system',
      });
      const unblocked = await patch(home.staff, action.id, { status: 'in_progress' }).expect(200);
      expect(unblocked.body).toMatchObject({ status: 'in_progress', statusReason: null });
    });

    it('names the field and the rule of a refusal in details, for callers that word it', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const reason = await patch(home.staff, action.id, { status: 'blocked' }).expect(400);
      expect(reason.body).toMatchObject({
        details: { code: 'reason-required', field: 'statusReason', status: 'blocked' },
      });
      const illegal = await patch(home.manager, action.id, { status: 'verified' }).expect(400);
      expect(illegal.body).toMatchObject({
        details: { code: 'illegal-transition', field: 'status', from: 'open', to: 'verified' },
      });
      const deadline = await patch(home.manager, action.id, { dueOn: '2027-01-31' }).expect(400);
      expect(deadline.body).toMatchObject({
        details: { code: 'reason-required', field: 'dueOnReason' },
      });
      const owner = await patch(home.manager, action.id, { ownerId: away.staff.user.id }).expect(
        404,
      );
      expect(owner.body).toMatchObject({ details: { code: 'owner-not-found', field: 'ownerId' } });
      const cleared = await patch(home.manager, action.id, { ownerId: null }).expect(422);
      expect(cleared.body).toMatchObject({ details: { code: 'not-smart', missing: ['ownerId'] } });
    });

    it('lets the owner (staff) move their action along, and a manager verify it', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      await patch(home.staff, action.id, { status: 'in_progress' }).expect(200);
      const done = (await patch(home.staff, action.id, { status: 'completed' }).expect(200))
        .body as ActionJson;
      expect(done.completedAt).not.toBeNull();

      // Reopen clears completedAt; completing again sets it.
      const reopened = (await patch(home.staff, action.id, { status: 'in_progress' }).expect(200))
        .body as ActionJson;
      expect(reopened.completedAt).toBeNull();
      await patch(home.staff, action.id, { status: 'completed' }).expect(200);

      await patch(home.staff, action.id, { status: 'verified' }).expect(403);
      const verified = (await patch(home.manager, action.id, { status: 'verified' }).expect(200))
        .body as ActionJson;
      expect(verified.status).toBe('verified');
      expect(verified.verifiedAt).not.toBeNull();
      const row: Array<{ verified_by_id: string }> = await t.app
        .get(DataSource)
        .query('SELECT verified_by_id FROM actions WHERE id = $1', [action.id]);
      expect(row[0]?.verified_by_id).toBe(home.manager.user.id);
    });

    it('keeps staff to the status of their own actions (403)', async () => {
      const mine = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const theirs = await oneAction({ status: 'open', ownerId: home.otherStaff.user.id });
      await patch(home.staff, theirs.id, { status: 'in_progress' }).expect(403);
      const fields = await patch(home.staff, mine.id, { title: 'Renamed' }).expect(403);
      expect((fields.body as { message: string }).message).toContain('title');
      await patch(home.staff, mine.id, {
        dueOn: '2027-01-01',
        dueOnReason: 'Busy',
      }).expect(403);
      await patch(home.staff, mine.id, { status: 'cancelled', statusReason: 'No' }).expect(403);
      // Nothing changed.
      expect(await show(home.staff, mine.id)).toMatchObject({ status: 'open' });
      expect(await history(home.staff, theirs.id)).toEqual([]);
    });

    it('lets managers cancel a draft as it stands, gaps and all, but not open it with gaps', async () => {
      const bare = await oneAction();
      const refused = await patch(home.manager, bare.id, { status: 'open' }).expect(422);
      expect(refused.body).toMatchObject({ details: { missing: ['ownerId', 'successMeasure'] } });
      const dropped = await patch(home.manager, bare.id, {
        status: 'cancelled',
        statusReason: 'Duplicate of R2',
      }).expect(200);
      expect(dropped.body).toMatchObject({ status: 'cancelled', owner: null });

      const action = await oneAction({
        ownerId: home.staff.user.id,
        successMeasure: 'Plans audited',
      });
      await patch(home.staff, action.id, { status: 'cancelled', statusReason: 'x' }).expect(403);
      const res = await patch(home.manager, action.id, {
        status: 'cancelled',
        statusReason: 'Covered by R2',
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', statusReason: 'Covered by R2' });
    });

    it('answers 404 for another council’s action or owner', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      await patch(away.admin, action.id, { title: 'Hijack' }).expect(404);
      const owner = await patch(home.manager, action.id, { ownerId: away.staff.user.id }).expect(
        404,
      );
      expect(owner.body).toMatchObject({ message: 'Owner not found' });
    });

    it('validates the body: empty, unknown fields, nulls, pairs', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const bad = async (body: object, message: RegExp) => {
        const res = await patch(home.manager, action.id, body).expect(400);
        expect((res.body as { message: string }).message).toMatch(message);
      };
      await bad({}, /Nothing to change/);
      await bad({ colour: 'red' }, /colour should not exist/);
      await bad({ title: null }, /title/);
      await bad({ status: 'done' }, /status must be one of/);
      await bad({ dueOn: '2026-13-01' }, /dueOn/);
      await bad({ statusReason: 'alone' }, /statusReason can only be sent with status/);
      await bad({ dueOnReason: 'alone' }, /dueOnReason can only be sent with dueOn/);
    });

    it('serialises concurrent changes, so each history entry starts where the last ended', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      // Toggle back and forth at once: unserialised, two requests would both read "open" and
      // log the same "from" twice.
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          patch(home.manager, action.id, { status: i % 2 === 0 ? 'in_progress' : 'open' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      const changes = (await history(home.manager, action.id)).map((e) => e.changes.status);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes[0]?.from).toBe('open');
      for (let i = 1; i < changes.length; i++) expect(changes[i]?.from).toBe(changes[i - 1]?.to);
      expect((await show(home.manager, action.id)).status).toBe(changes.at(-1)?.to);
    });
  });

  describe('POST /actions/:id/updates', () => {
    it('takes progress from the owner and managers, not other staff', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const post = (who: TestUser, body: object) =>
        who.as(request(t.server).post(`/api/actions/${action.id}/updates`)).send(body);

      const mine = await post(home.staff, {
        note: 'Audited 40 of 120 plans',
        evidenceUrl: 'https://sharepoint.example.gov.uk/audit.xlsx',
      }).expect(201);
      expect(mine.body).toMatchObject({
        note: 'Audited 40 of 120 plans',
        evidenceUrl: 'https://sharepoint.example.gov.uk/audit.xlsx',
        author: { id: home.staff.user.id, name: home.staff.user.name },
      });
      await post(home.manager, { note: 'Checked the sample' }).expect(201);
      await post(home.otherStaff, { note: 'Not mine' }).expect(403);
      await post(away.admin, { note: 'Not ours' }).expect(404);

      const detail = await show(home.otherStaff, action.id);
      expect(detail.updates?.map((u) => u.note)).toEqual([
        'Audited 40 of 120 plans',
        'Checked the sample',
      ]);
    });

    it('validates note and evidenceUrl', async () => {
      const action = await oneAction({ status: 'open', ownerId: home.staff.user.id });
      const post = (body: object) =>
        home.staff.as(request(t.server).post(`/api/actions/${action.id}/updates`)).send(body);
      await post({ note: '' }).expect(400);
      await post({ note: 'x'.repeat(5001) }).expect(400);
      await post({ note: 'ok', evidenceUrl: 'http://insecure.example.gov.uk/a' }).expect(400);
      await post({ note: 'ok', evidenceUrl: 'javascript:alert(1)' }).expect(400);
      await post({ note: 'ok', evidenceUrl: `https://x.gov.uk/${'a'.repeat(2000)}` }).expect(400);
      await home.staff
        .as(request(t.server).post('/api/actions/not-a-uuid/updates'))
        .send({ note: 'ok' })
        .expect(400);
    });
  });

  describe('GET /actions/:id/history', () => {
    it('records every change, oldest first, with who and why', async () => {
      const action = await oneAction({ dueOn: '2026-09-01' });
      await patch(home.manager, action.id, {
        title: 'Audit all plans',
        ownerId: home.staff.user.id,
        successMeasure: '90% good',
      }).expect(200);
      await patch(home.manager, action.id, { status: 'open' }).expect(200);
      await patch(home.staff, action.id, {
        status: 'blocked',
        statusReason: 'No audit tool',
      }).expect(200);
      await patch(home.manager, action.id, {
        dueOn: '2026-10-01',
        dueOnReason: 'Tool arrives in September',
      }).expect(200);
      await home.staff
        .as(request(t.server).post(`/api/actions/${action.id}/updates`))
        .send({ note: 'Tool ordered' })
        .expect(201);

      const entries = await history(home.otherStaff, action.id);
      expect(entries.map((e) => e.event)).toEqual([
        'updated',
        'status_changed',
        'status_changed',
        'deadline_revised',
        'progress_added',
      ]);
      expect(entries[0]).toMatchObject({
        actor: { id: home.manager.user.id, email: home.manager.user.email },
        changes: {
          title: { from: action.title, to: 'Audit all plans' },
          ownerId: { from: null, to: home.staff.user.id },
          successMeasure: { from: null, to: '90% good' },
        },
        reason: null,
      });
      expect(entries[2]).toMatchObject({
        actor: { id: home.staff.user.id },
        changes: {
          status: { from: 'open', to: 'blocked' },
          statusReason: { from: null, to: 'No audit tool' },
        },
        reason: 'No audit tool',
      });
      expect(entries[3]).toMatchObject({
        changes: { dueOn: { from: '2026-09-01', to: '2026-10-01' } },
        reason: 'Tool arrives in September',
      });
      expect(entries[4]).toMatchObject({ changes: { note: { from: null, to: 'Tool ordered' } } });
      const ids = entries.map((e) => BigInt(e.id));
      expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    });

    it('answers 404 for another council’s action', async () => {
      const action = await oneAction();
      await away.staff.as(request(t.server).get(`/api/actions/${action.id}/history`)).expect(404);
    });
  });

  it('documents every action route with typed 4xx responses', async () => {
    const res = await request(t.server).get('/api/docs-json').expect(200);
    const doc = res.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const expected: Array<[string, string, string[]]> = [
      ['/api/actions', 'get', ['200', '400', '401']],
      ['/api/actions', 'post', ['201', '400', '401', '403', '404']],
      ['/api/actions/export.csv', 'get', ['200', '400', '401']],
      ['/api/actions/{id}', 'get', ['200', '400', '401', '404']],
      ['/api/actions/{id}', 'patch', ['200', '400', '401', '403', '404', '422']],
      ['/api/actions/{id}/updates', 'post', ['201', '400', '401', '403', '404']],
      ['/api/actions/{id}/history', 'get', ['200', '400', '401', '404']],
    ];
    for (const [path, method, codes] of expected) {
      const responses = doc.paths[path]?.[method]?.responses ?? {};
      expect(Object.keys(responses).sort()).toEqual(codes);
      for (const code of codes.filter((c) => c.startsWith('4'))) {
        expect(JSON.stringify(responses[code])).toContain('#/components/schemas/ErrorResponse');
      }
    }
    expect(Object.keys(doc.components.schemas.ActionDto?.properties ?? {})).toEqual(
      expect.arrayContaining(['reference', 'overdue', 'daysLeft', 'smartGaps', 'responsible']),
    );
  });
});
