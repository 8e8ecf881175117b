import request from 'supertest';
import { daysFromToday, type HistoryJson } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { first, only } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface ReadingJson {
  id: string;
  value: number;
  observedOn: string;
  note: string | null;
  source: string | null;
  enteredBy: { id: string; name: string };
}

interface MeasureJson {
  id: string;
  name: string;
  unit: string;
  direction: string;
  baselineValue: number | null;
  baselineOn: string | null;
  targetValue: number;
  targetOn: string;
  readings: ReadingJson[];
  latest: ReadingJson | null;
  trajectory: { rag: string | null; expected: number | null; reason: string };
}

const AUDITED = {
  name: 'Plans audited as good or better',
  unit: 'percentage',
  direction: 'higher',
  baselineValue: 40,
  baselineOn: daysFromToday(-90),
  targetValue: 80,
  targetOn: daysFromToday(180),
};

describe('measures and readings (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'MSR' });
    away = await createCouncilWithPeople(t, { code: 'AWY' });
  });

  afterAll(() => t?.close());

  /** An open action in `cast`'s council owned by its first staff member. */
  async function ownedAction(cast: Cast = home) {
    const plan = await createPlan(t, cast.council, cast.manager.user, {
      recommendations: [
        { actions: [{ status: 'open', ownerId: cast.staff.user.id, dueOn: daysFromToday(60) }] },
      ],
    });
    return only(plan.actions);
  }

  const measures = (who: TestUser, actionId: string) =>
    who.as(request(t.server).get(`/api/actions/${actionId}/measures`));
  const addMeasure = (who: TestUser, actionId: string, body: object) =>
    who.as(request(t.server).post(`/api/actions/${actionId}/measures`)).send(body);
  const changeMeasure = (who: TestUser, actionId: string, measureId: string, body: object) =>
    who.as(request(t.server).patch(`/api/actions/${actionId}/measures/${measureId}`)).send(body);
  const record = (who: TestUser, actionId: string, measureId: string, body: object) =>
    who
      .as(request(t.server).post(`/api/actions/${actionId}/measures/${measureId}/readings`))
      .send(body);
  const history = async (actionId: string): Promise<HistoryJson[]> =>
    (await home.manager.as(request(t.server).get(`/api/actions/${actionId}/history`)).expect(200))
      .body as HistoryJson[];

  async function measured(cast: Cast = home) {
    const action = await ownedAction(cast);
    const res = await addMeasure(cast.manager, action.id, AUDITED).expect(201);
    return { action, measure: res.body as MeasureJson };
  }

  it('adds a measure with its baseline and target, lists it, and keeps it in the history', async () => {
    const { action, measure } = await measured();
    expect(measure).toEqual({
      id: expect.any(String) as unknown,
      ...AUDITED,
      readings: [],
      latest: null,
      trajectory: { rag: null, expected: null, reason: 'No readings yet.' },
    });
    expect((await measures(home.otherStaff, action.id).expect(200)).body).toEqual([measure]);
    const added = (await history(action.id)).filter((entry) => entry.event === 'measure_added');
    expect(only(added)).toMatchObject({
      actor: { id: home.manager.user.id },
      changes: {
        name: { from: null, to: AUDITED.name },
        targetValue: { from: null, to: 80 },
        targetOn: { from: null, to: AUDITED.targetOn },
      },
    });
  });

  it.each([
    ['a percentage over 100', { targetValue: 120 }, 'targetValue'],
    ['a baseline without its date', { baselineOn: null }, 'baselineOn'],
    ['a baseline after the target', { baselineOn: daysFromToday(200) }, 'baselineOn'],
    [
      'a milestone aiming at 2',
      { unit: 'milestone', baselineValue: 0, targetValue: 2 },
      'targetValue',
    ],
    ['a count of 2.5', { unit: 'count', baselineValue: 1, targetValue: 2.5 }, 'targetValue'],
  ])('refuses %s, naming the field', async (_name, change, field) => {
    const action = await ownedAction();
    const res = await addMeasure(home.manager, action.id, { ...AUDITED, ...change }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, details: { field } });
    expect((await measures(home.manager, action.id).expect(200)).body).toEqual([]);
  });

  it('refuses unknown fields, a missing target and a blank name', async () => {
    const action = await ownedAction();
    for (const body of [
      { ...AUDITED, colour: 'red' },
      { ...AUDITED, targetValue: undefined },
      { ...AUDITED, name: '   ' },
      { ...AUDITED, unit: 'furlongs' },
    ]) {
      await addMeasure(home.manager, action.id, body).expect(400);
    }
    expect((await measures(home.manager, action.id).expect(200)).body).toEqual([]);
  });

  it('lets only managers set measures, and the owner or a manager record readings', async () => {
    const { action, measure } = await measured();
    await addMeasure(home.staff, action.id, AUDITED).expect(403);
    await changeMeasure(home.staff, action.id, measure.id, { targetValue: 90 }).expect(403);
    const reading = { value: 55, observedOn: daysFromToday(-1) };
    await record(home.otherStaff, action.id, measure.id, reading).expect(403);
    const mine = (await record(home.staff, action.id, measure.id, reading).expect(201))
      .body as ReadingJson;
    expect(mine).toMatchObject({ ...reading, enteredBy: { id: home.staff.user.id } });
    await record(home.manager, action.id, measure.id, {
      value: 60,
      observedOn: daysFromToday(0),
    }).expect(201);
  });

  it('keeps readings by the date they describe, and the latest is the newest date', async () => {
    const { action, measure } = await measured();
    for (const [value, days] of [
      [62, -10],
      [48, -60],
      [55, -30],
    ] as const) {
      await record(home.staff, action.id, measure.id, {
        value,
        observedOn: daysFromToday(days),
        note: `At ${days} days`,
        source: 'Audit report',
      }).expect(201);
    }
    const listed = first((await measures(home.staff, action.id).expect(200)).body as MeasureJson[]);
    expect(listed.readings.map((r) => r.value)).toEqual([48, 55, 62]);
    expect(listed.latest).toMatchObject({ value: 62, note: 'At -10 days', source: 'Audit report' });
    // 80 of 270 days from 40 towards 80: the line is near 52, and 62 is ahead of it.
    expect(listed.trajectory).toMatchObject({ rag: 'green' });
    expect(listed.trajectory.expected).toBeCloseTo(51.85, 1);
    const recorded = (await history(action.id)).filter((e) => e.event === 'reading_recorded');
    expect(recorded).toHaveLength(3);
    expect(first(recorded).changes).toMatchObject({
      measure: { to: AUDITED.name },
      value: { to: 62 },
      observedOn: { to: daysFromToday(-10) },
    });
  });

  it.each([
    ['a percentage over 100', { value: 101, observedOn: daysFromToday(-1) }],
    ['a date to come', { value: 50, observedOn: daysFromToday(1) }],
    ['no value', { observedOn: daysFromToday(-1) }],
    ['a value as text', { value: '50', observedOn: daysFromToday(-1) }],
    ['an unknown field', { value: 50, observedOn: daysFromToday(-1), rag: 'green' }],
  ])('refuses a reading with %s and keeps none', async (_name, body) => {
    const { action, measure } = await measured();
    await record(home.staff, action.id, measure.id, body).expect(400);
    expect(
      first((await measures(home.staff, action.id).expect(200)).body as MeasureJson[]),
    ).toMatchObject({ readings: [], latest: null });
  });

  it('changes a measure, clears its baseline with null, and records what changed', async () => {
    const { action, measure } = await measured();
    const changed = (
      await changeMeasure(home.manager, action.id, measure.id, {
        targetValue: 90,
        baselineValue: null,
        baselineOn: null,
      }).expect(200)
    ).body as MeasureJson;
    expect(changed).toMatchObject({ targetValue: 90, baselineValue: null, baselineOn: null });
    await changeMeasure(home.manager, action.id, measure.id, { name: null }).expect(400);
    await changeMeasure(home.manager, action.id, measure.id, { targetValue: 101 }).expect(400);
    const entry = only((await history(action.id)).filter((e) => e.event === 'measure_changed'));
    expect(entry.changes).toEqual({
      measure: { from: AUDITED.name, to: AUDITED.name },
      targetValue: { from: 80, to: 90 },
      baselineValue: { from: 40, to: null },
      baselineOn: { from: AUDITED.baselineOn, to: null },
    });
  });

  it('answers 404 for another council’s action or measure, whatever the role', async () => {
    const { action, measure } = await measured();
    const theirs = await measured(away);
    await measures(away.manager, action.id).expect(404);
    await addMeasure(away.manager, action.id, AUDITED).expect(404);
    await changeMeasure(away.manager, action.id, measure.id, { targetValue: 1 }).expect(404);
    await record(away.manager, action.id, measure.id, {
      value: 1,
      observedOn: daysFromToday(0),
    }).expect(404);
    // Their measure through our action, and ours through theirs: neither is found.
    await changeMeasure(home.manager, action.id, theirs.measure.id, { targetValue: 1 }).expect(404);
    await record(home.manager, theirs.action.id, measure.id, {
      value: 1,
      observedOn: daysFromToday(0),
    }).expect(404);
    await measures(home.manager, 'not-a-uuid').expect(400);
    expect(
      first((await measures(away.manager, theirs.action.id).expect(200)).body as MeasureJson[]),
    ).toMatchObject({ targetValue: 80, readings: [] });
  });

  it('refuses a flood of a reading before reading it, and keeps what was there', async () => {
    const { action, measure } = await measured();
    const res = await record(home.staff, action.id, measure.id, {
      value: 50,
      observedOn: daysFromToday(0),
      note: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      message: 'Request body too large: this address accepts up to 100 KB',
    });
    expect(
      first((await measures(home.staff, action.id).expect(200)).body as MeasureJson[]),
    ).toMatchObject({ targetValue: 80, readings: [] });
  });
});
