import request from 'supertest';
import { daysFromToday, dateParts } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { only } from '../support/items';
import { WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The Measures section of an action page. */
const measuresOf = (html: string): string =>
  (html.split('id="measures"')[1] ?? '').split('id="history"')[0] ?? '';

describe('web pages (e2e): measures on the action page', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
    away = await createCouncilWithPeople(t, { name: 'Farshire County Council' });
  });

  afterAll(() => t?.close());

  const as = (user: TestUser) => WebBrowser.as(t.server, user);

  /** An open action owned by the staff member, with one measure: 40% towards 80%. */
  async function measuredAction(cast: Cast = home) {
    const plan = await createPlan(t, cast.council, cast.manager.user, {
      recommendations: [
        { actions: [{ status: 'open', ownerId: cast.staff.user.id, dueOn: daysFromToday(90) }] },
      ],
    });
    const action = only(plan.actions);
    const res = await cast.manager
      .as(request(t.server).post(`/api/actions/${action.id}/measures`))
      .send({
        name: 'Plans audited as good',
        unit: 'percentage',
        direction: 'higher',
        baselineValue: 40,
        baselineOn: daysFromToday(-90),
        targetValue: 80,
        targetOn: daysFromToday(90),
      })
      .expect(201);
    return { action, measureId: (res.body as { id: string }).id };
  }

  const reading = (measureId: string, value: string, on: string, extra = {}) => {
    const { day, month, year } = dateParts(on);
    return { measureId, value, readingDay: day, readingMonth: month, readingYear: year, ...extra };
  };

  it('shows each measure with its target, RAG, chart and readings, and lets the owner record one', async () => {
    const { action, measureId } = await measuredAction();
    const b = as(home.staff);
    const empty = await b.get(`/actions/${action.id}`);
    expect(measuresOf(empty.text)).toContain('Plans audited as good');
    expect(measuresOf(empty.text)).toContain('No readings yet');
    expect(measuresOf(empty.text)).toContain('80% on');

    const posted = await b.submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/readings`,
      reading(measureId, '62.5', daysFromToday(-1), {
        readingNote: 'October audit',
        source: 'QA report',
      }),
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/actions/${action.id}#measures`);

    const page = measuresOf((await b.get(`/actions/${action.id}`)).text);
    // Halfway from 40 to 80 the line is near 60: 62.5 is ahead of it.
    expect(page).toContain('govuk-tag--green');
    expect(page).toContain('On or ahead of the line to the target.');
    expect(page).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="measure-[\w-]+-title/);
    expect(page).toContain('Readings of Plans audited as good, newest first');
    expect(page).toContain('62.5%');
    expect(page).toContain('October audit');
    expect(page).toContain('QA report');
    const history = (await b.get(`/actions/${action.id}`)).text.split('id="history"')[1] ?? '';
    expect(history).toContain('Reading recorded: Plans audited as good');
  });

  it.each([
    [
      'a value outside the unit',
      '120',
      -1,
      '#value',
      'The reading must be a percentage from 0 to 100',
    ],
    [
      'a value that is not a number',
      'lots',
      -1,
      '#value',
      'Enter the reading as a number, like 62.5',
    ],
    [
      'a date to come',
      '50',
      3,
      '#observedOn-day',
      'The date the reading describes must be today or in the past',
    ],
  ] as const)(
    'refuses %s on the form, keeping what was typed and storing nothing',
    async (_name, value, days, href, message) => {
      const { action, measureId } = await measuredAction();
      const b = as(home.staff);
      const res = await b.submit(
        `/actions/${action.id}`,
        `/actions/${action.id}/readings`,
        reading(measureId, value, daysFromToday(days)),
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toContain(`href="${href}"`);
      expect(res.text).toContain(message);
      expect(res.text).toContain(`value="${value}"`);
      const measures = await home.manager
        .as(request(t.server).get(`/api/actions/${action.id}/measures`))
        .expect(200);
      expect((measures.body as Array<{ readings: unknown[] }>)[0]?.readings).toEqual([]);
    },
  );

  /** The add-a-measure form's fields: 40% now towards 80% in 90 days, unless changed. */
  const measureFields = (change: Record<string, string> = {}) => {
    const baseline = dateParts(daysFromToday(-30));
    const target = dateParts(daysFromToday(90));
    return {
      name: 'Visits on time',
      unit: 'percentage',
      direction: 'higher',
      baselineValue: '40',
      baselineDay: baseline.day,
      baselineMonth: baseline.month,
      baselineYear: baseline.year,
      targetValue: '80',
      targetDay: target.day,
      targetMonth: target.month,
      targetYear: target.year,
      ...change,
    };
  };

  async function plainAction() {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        { actions: [{ status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(90) }] },
      ],
    });
    return only(plan.actions);
  }

  it('lets a manager add a measure on the page, which then takes readings', async () => {
    const action = await plainAction();
    const b = as(home.manager);
    expect(measuresOf((await b.get(`/actions/${action.id}`)).text)).toContain('No measures yet');
    const res = await b.submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/measures`,
      measureFields(),
    );
    expect(res.status).toBe(303);
    const page = (await b.get(`/actions/${action.id}`)).text;
    expect(page).toContain('Measure added: Visits on time');
    expect(measuresOf(page)).toContain('40% on');
    expect(measuresOf(page)).toContain('Record a reading');
    const history = page.split('id="history"')[1] ?? '';
    expect(history).toContain('Measure added: Visits on time');
  });

  it.each([
    [
      'a target outside the unit',
      { targetValue: '120' },
      '#targetValue',
      'Target must be a percentage from 0 to 100',
    ],
    [
      'a baseline without its date',
      { baselineDay: '', baselineMonth: '', baselineYear: '' },
      '#baselineOn-day',
      'Baseline and baseline date go together: give both or neither',
    ],
    [
      'no target date',
      { targetDay: '', targetMonth: '', targetYear: '' },
      '#targetOn-day',
      'Enter the target date',
    ],
    ['no unit', { unit: '' }, '#unit', 'Select what the measure counts'],
  ])(
    'refuses %s on the add-a-measure form, storing nothing',
    async (_name, change, href, message) => {
      const action = await plainAction();
      const res = await as(home.manager).submit(
        `/actions/${action.id}`,
        `/actions/${action.id}/measures`,
        measureFields(change),
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain(`href="${href}"`);
      expect(res.text).toContain(message);
      const measures = await home.manager
        .as(request(t.server).get(`/api/actions/${action.id}/measures`))
        .expect(200);
      expect(measures.body).toEqual([]);
    },
  );

  it('does not offer staff the add-a-measure form, and refuses their post', async () => {
    const action = await plainAction();
    const b = as(home.staff);
    expect((await b.get(`/actions/${action.id}`)).text).not.toContain('Add a measure');
    const res = await b.submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/measures`,
      measureFields(),
    );
    expect(res.status).toBe(403);
  });

  it('does not offer the form to staff who do not own the action, and refuses their post', async () => {
    const { action, measureId } = await measuredAction();
    const b = as(home.otherStaff);
    const page = await b.get(`/actions/${action.id}`);
    expect(page.text).toContain('Plans audited as good');
    expect(page.text).not.toContain('Record a reading');
    const res = await b.submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/readings`,
      reading(measureId, '50', daysFromToday(-1)),
    );
    expect(res.status).toBe(403);
  });

  it('refuses a flood of either form before reading it, and stores nothing', async () => {
    const { action, measureId } = await measuredAction();
    const flood = 'x'.repeat(2 * 1024 * 1024);
    const reading = await as(home.staff).submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/readings`,
      { measureId, value: '50', readingNote: flood },
    );
    const measure = await as(home.manager).submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/measures`,
      measureFields({ name: flood }),
    );
    for (const res of [reading, measure]) {
      expect(res.status).toBe(413);
      expect(res.text).toContain('100 KB');
    }
    const measures = await home.manager
      .as(request(t.server).get(`/api/actions/${action.id}/measures`))
      .expect(200);
    expect(measures.body).toEqual([expect.objectContaining({ id: measureId, readings: [] })]);
  });

  it('answers 404 for another council’s action, and for their measure on ours', async () => {
    const { action, measureId } = await measuredAction();
    const theirs = await measuredAction(away);
    expect((await as(away.manager).get(`/actions/${action.id}`)).status).toBe(404);
    const res = await as(home.manager).submit(
      `/actions/${action.id}`,
      `/actions/${action.id}/readings`,
      reading(theirs.measureId, '50', daysFromToday(-1)),
    );
    expect(res.status).toBe(404);
    // Neither measure took the reading.
    for (const [who, actionId, id] of [
      [home.manager, action.id, measureId],
      [away.manager, theirs.action.id, theirs.measureId],
    ] as const) {
      const listed = await who
        .as(request(t.server).get(`/api/actions/${actionId}/measures`))
        .expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id, readings: [] })]);
    }
  });
});
