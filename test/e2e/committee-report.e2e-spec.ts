import request from 'supertest';
import { daysFromToday, todayInLondon } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { first, only } from '../support/items';
import { MovableClock } from '../support/reminders';
import { WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface ReportJson {
  asAt: string;
  since: string | null;
  rag: { rag: string; red: number; amber: number; green: number; unrated: number };
  inspections: {
    id: string;
    recommendations: {
      label: string;
      priority: string;
      actions: {
        id: string;
        status: string;
        dueOn: string;
        originalDueOn: string;
        slippageDays: number;
        slippageReasons: string[];
        rag: { computed: string | null; rag: string | null; override: object | null };
        latestNote: { note: string } | null;
        evidence: string[];
        measures: { name: string; latest: { value: number } | null; target: { value: number } }[];
      }[];
    }[];
  }[];
  changes: { kind: string; reference: string; detail: string; on: string }[];
}

describe('the committee progress report, as at any date (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  const clock = new MovableClock(new Date().toISOString());
  const today = todayInLondon();
  const tomorrow = daysFromToday(1);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    home = await createCouncilWithPeople(t, { code: 'CTR' });
    away = await createCouncilWithPeople(t, { code: 'CTA' });
  });

  afterAll(() => t?.close());

  const report = (query: Record<string, string>, who = home.manager) =>
    who.as(request(t.server).get('/api/reports/committee').query(query));

  it('gives last quarter’s report again exactly, after things have changed', async () => {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          priority: 'priority_action',
          actions: [{ status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(30) }],
        },
        { actions: [{ status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(60) }] },
      ],
    });
    const [measured, other] = plan.actions;
    if (!measured || !other) throw new Error('the plan has two actions');
    const measure = await home.manager
      .as(request(t.server).post(`/api/actions/${measured.id}/measures`))
      .send({
        name: 'Visits in time',
        unit: 'percentage',
        direction: 'higher',
        baselineValue: 0,
        baselineOn: daysFromToday(-100),
        targetValue: 100,
        targetOn: daysFromToday(100),
      })
      .expect(201);
    const measureId = (measure.body as { id: string }).id;
    await home.staff
      .as(request(t.server).post(`/api/actions/${measured.id}/measures/${measureId}/readings`))
      .send({ value: 52, observedOn: today })
      .expect(201);

    const inspectionId = plan.inspection.id;
    const onTheDay = (await report({ inspectionId }).expect(200)).body as ReportJson;
    expect(onTheDay.asAt).toBe(today);
    const action = first(first(only(onTheDay.inspections).recommendations).actions);
    expect(action.measures).toMatchObject([{ name: 'Visits in time', latest: { value: 52 } }]);
    // The page on that day shows the RAG the report gives it.
    const page = (await WebBrowser.as(t.server, home.manager).get(`/actions/${measured.id}`)).text;
    expect(action.rag.rag).toBe('green');
    expect((page.split('id="rag"')[1] ?? '').split('id="measures"')[0]).toContain('Green');

    // The next day: work moves on, and the report for yesterday must not.
    clock.set(new Date(Date.now() + 24 * 3600 * 1000).toISOString());
    const patch = (id: string, body: object) =>
      home.manager
        .as(request(t.server).patch(`/api/actions/${id}`))
        .send(body)
        .expect(200);
    await patch(measured.id, { dueOn: daysFromToday(45), dueOnReason: 'Waiting for recruitment' });
    await patch(other.id, { status: 'completed' });
    await home.staff
      .as(request(t.server).post(`/api/actions/${measured.id}/measures/${measureId}/readings`))
      .send({ value: 20, observedOn: tomorrow })
      .expect(201);
    await home.staff
      .as(request(t.server).post(`/api/actions/${measured.id}/updates`))
      .send({ note: 'Audit booked', evidenceUrl: 'https://example.org/audit' })
      .expect(201);
    await home.manager
      .as(request(t.server).patch(`/api/actions/${measured.id}/measures/${measureId}`))
      .send({ targetValue: 90 })
      .expect(200);
    await home.manager
      .as(request(t.server).put(`/api/actions/${other.id}/rag/override`))
      .send({ rag: 'amber', reason: 'Done on paper; not yet in practice' })
      .expect(200);

    expect((await report({ inspectionId, asAt: today }).expect(200)).body).toEqual(onTheDay);

    const now = (await report({ inspectionId, since: today }).expect(200)).body as ReportJson;
    const [first_, second] = only(now.inspections).recommendations;
    const slipped = first(first_?.actions ?? []);
    expect(slipped).toMatchObject({
      dueOn: daysFromToday(45),
      originalDueOn: daysFromToday(30),
      slippageDays: 15,
      slippageReasons: ['Waiting for recruitment'],
      latestNote: { note: 'Audit booked' },
      evidence: ['https://example.org/audit'],
      measures: [{ latest: { value: 20 }, target: { value: 90 } }],
      // 20 against a line near 50: well behind, and red on a priority action reddens the plan.
      rag: { computed: 'red', rag: 'red', override: null },
    });
    expect(now.rag.rag).toBe('red');
    expect(first(second?.actions ?? []).rag).toMatchObject({ computed: 'green', rag: 'amber' });
    expect(now.changes.map((c) => [c.kind, c.reference])).toEqual(
      expect.arrayContaining([
        ['slipped', measured.reference],
        ['completed', other.reference],
        ['rag_moved', measured.reference],
        ['rag_moved', other.reference],
      ]),
    );
    expect(now.changes.find((c) => c.kind === 'slipped')?.detail).toContain(
      'Waiting for recruitment',
    );
  });

  it('covers every live inspection when none is named, and leaves out finished ones', async () => {
    const live = await createPlan(t, home.council, home.manager.user, {
      recommendations: [{ actions: [{ status: 'open', ownerId: home.staff.user.id }] }],
    });
    const done = await createPlan(t, home.council, home.manager.user, {
      recommendations: [{ actions: [{ status: 'verified', ownerId: home.staff.user.id }] }],
    });
    const all = (await report({}).expect(200)).body as ReportJson;
    const ids = all.inspections.map((i) => i.id);
    expect(ids).toContain(live.inspection.id);
    expect(ids).not.toContain(done.inspection.id);
  });

  it('refuses dates to come, since not before asAt, unknown fields, staff and other councils', async () => {
    const plan = await createPlan(t, home.council, home.manager.user);
    const inspectionId = plan.inspection.id;
    const future = await report({ inspectionId, asAt: daysFromToday(30) }).expect(400);
    expect(future.body).toMatchObject({ details: { field: 'asAt' } });
    await report({ inspectionId, asAt: '2026-02-30' }).expect(400);
    await report({ inspectionId, since: daysFromToday(1) }).expect(400);
    await report({ inspectionId, format: 'pdf' }).expect(400);
    await report({ inspectionId: 'not-a-uuid' }).expect(400);
    await report({ inspectionId }, home.staff).expect(403);
    await report({ inspectionId }, away.manager).expect(404);
  });
});
