import type { ActionStatus } from '@app/actions';
import request from 'supertest';
import { daysFromToday, type HistoryJson } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { addVisitsMeasure, recordReading } from '../factories/measures';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { only } from '../support/items';
import { WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface RagJson {
  computed: { rag: string | null; reason: string };
  override: { rag: string; reason: string; by: { id: string; name: string } } | null;
  rag: string | null;
}

/** The RAG section of an action page. */
const ragOf = (html: string): string =>
  (html.split('id="rag"')[1] ?? '').split('id="measures"')[0] ?? '';

describe('action RAG: computed from deadline and measures, overridden by managers (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'RAG' });
    away = await createCouncilWithPeople(t, { code: 'RGA' });
  });

  afterAll(() => t?.close());

  async function openAction(cast: Cast = home, dueIn = 60, status: ActionStatus = 'open') {
    const plan = await createPlan(t, cast.council, cast.manager.user, {
      recommendations: [
        { actions: [{ status, ownerId: cast.staff.user.id, dueOn: daysFromToday(dueIn) }] },
      ],
    });
    return only(plan.actions);
  }

  const rag = (who: TestUser, actionId: string) =>
    who.as(request(t.server).get(`/api/actions/${actionId}/rag`));
  const override = (who: TestUser, actionId: string, body: object) =>
    who.as(request(t.server).put(`/api/actions/${actionId}/rag/override`)).send(body);
  const clear = (who: TestUser, actionId: string) =>
    who.as(request(t.server).delete(`/api/actions/${actionId}/rag/override`));

  /** A measure whose line stands at 50 today, read at `value` today. */
  async function measureAt(cast: Cast, actionId: string, value: number) {
    const measure = await addVisitsMeasure(t, cast.manager, actionId);
    await recordReading(
      t,
      cast.staff,
      { actionId, measureId: measure.id },
      {
        value,
        observedOn: daysFromToday(0),
      },
    );
  }

  it('is red when overdue, green in time, and takes the worst measure', async () => {
    const late = await openAction(home, -1);
    expect((await rag(home.staff, late.id).expect(200)).body).toEqual({
      computed: { rag: 'red', reason: 'Overdue: the deadline has passed.' },
      override: null,
      rag: 'red',
    });
    const behind = await openAction();
    expect(((await rag(home.staff, behind.id).expect(200)).body as RagJson).rag).toBe('green');
    // 45 against a line at 50: behind by 5, within 10% of 100.
    await measureAt(home, behind.id, 45);
    const amber = (await rag(home.staff, behind.id).expect(200)).body as RagJson;
    expect(amber.computed).toEqual({
      rag: 'amber',
      reason: 'Visits in time: Behind the line to the target by 5.',
    });
  });

  it('follows the council’s tolerance', async () => {
    const action = await openAction();
    await measureAt(home, action.id, 45);
    await home.admin
      .as(request(t.server).patch('/api/council'))
      .send({ measureTolerancePercent: 4 })
      .expect(200);
    try {
      expect(((await rag(home.staff, action.id).expect(200)).body as RagJson).rag).toBe('red');
    } finally {
      await home.admin
        .as(request(t.server).patch('/api/council'))
        .send({ measureTolerancePercent: 10 })
        .expect(200);
    }
    await home.admin
      .as(request(t.server).patch('/api/council'))
      .send({ measureTolerancePercent: 51 })
      .expect(400);
  });

  it('lets a manager override it with a reason, kept in the history beside the computed RAG', async () => {
    const action = await openAction(home, -3);
    const set = await override(home.manager, action.id, {
      rag: 'amber',
      reason: 'Agreed extension pending board sign-off',
    }).expect(200);
    expect(set.body).toMatchObject({
      computed: { rag: 'red' },
      override: {
        rag: 'amber',
        reason: 'Agreed extension pending board sign-off',
        by: { id: home.manager.user.id },
      },
      rag: 'amber',
    });
    const page = ragOf(
      (await WebBrowser.as(t.server, home.staff).get(`/actions/${action.id}`)).text,
    );
    expect(page).toContain('Agreed extension pending board sign-off');
    expect(page).toContain('Computed from the deadline and measures: Red.');

    const cleared = await clear(home.manager, action.id).expect(200);
    expect((cleared.body as RagJson).rag).toBe('red');
    const history = (
      await home.manager.as(request(t.server).get(`/api/actions/${action.id}/history`)).expect(200)
    ).body as HistoryJson[];
    expect(history.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['rag_overridden', 'rag_override_cleared']),
    );
    expect(history.find((entry) => entry.event === 'rag_overridden')).toMatchObject({
      changes: { rag: { from: null, to: 'amber' } },
      reason: 'Agreed extension pending board sign-off',
    });
  });

  it('refuses staff, a missing reason, unknown fields, a cancelled action, and other councils', async () => {
    const action = await openAction();
    await override(home.staff, action.id, { rag: 'green', reason: 'Fine' }).expect(403);
    await override(home.manager, action.id, { rag: 'green', reason: '   ' }).expect(400);
    await override(home.manager, action.id, { rag: 'purple', reason: 'x' }).expect(400);
    await override(home.manager, action.id, { rag: 'green', reason: 'x', by: 'me' }).expect(400);
    await override(away.manager, action.id, { rag: 'green', reason: 'x' }).expect(404);
    await rag(away.staff, action.id).expect(404);
    await clear(away.manager, action.id).expect(404);
    const cancelled = await openAction(home, 30, 'cancelled');
    const refused = await override(home.manager, cancelled.id, {
      rag: 'green',
      reason: 'x',
    }).expect(400);
    expect(refused.body).toMatchObject({ details: { field: 'rag' } });
    expect(((await rag(home.staff, cancelled.id).expect(200)).body as RagJson).rag).toBeNull();
  });

  it('takes an override from the action page, and words a refusal on its field', async () => {
    const action = await openAction();
    const b = WebBrowser.as(t.server, home.manager);
    const missing = await b.submit(`/actions/${action.id}`, `/actions/${action.id}/rag`, {
      rag: 'red',
      ragReason: '',
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Enter why the RAG is overridden');
    const posted = await b.submit(`/actions/${action.id}`, `/actions/${action.id}/rag`, {
      rag: 'red',
      ragReason: 'Partner data shows it slipping',
    });
    expect(posted.status).toBe(303);
    expect(((await rag(home.staff, action.id).expect(200)).body as RagJson).override).toMatchObject(
      { rag: 'red', reason: 'Partner data shows it slipping' },
    );
    const cleared = await b.submit(`/actions/${action.id}`, `/actions/${action.id}/rag/clear`, {});
    expect(cleared.status).toBe(303);
    expect(((await rag(home.staff, action.id).expect(200)).body as RagJson).override).toBeNull();
    const staffPost = await WebBrowser.as(t.server, home.staff).submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/rag`,
      { rag: 'red', ragReason: 'x' },
    );
    expect(staffPost.status).toBe(403);
  });

  it('refuses a flood: an over-long reason, and a body past the limit before it is read', async () => {
    const action = await openAction();
    await override(home.manager, action.id, { rag: 'amber', reason: 'x'.repeat(2001) }).expect(400);
    const flood = await override(home.manager, action.id, {
      rag: 'amber',
      reason: 'x'.repeat(300 * 1024),
    }).expect(413);
    expect(flood.body).toMatchObject({ statusCode: 413 });
    const page = await WebBrowser.as(t.server, home.manager).submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/rag`,
      { rag: 'amber', ragReason: 'x'.repeat(300 * 1024) },
    );
    expect(page.status).toBe(413);
    expect(page.text).toContain('What you sent is too big');
    // Nothing was stored by any of them.
    expect(((await rag(home.staff, action.id).expect(200)).body as RagJson).override).toBeNull();
  });
});
