import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { daysFromToday, type HistoryJson } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { only } from '../support/items';
import { csrfOf } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const HEADER = 'action_reference,measure,value,observed_on,note,source';

interface ProblemJson {
  line: number;
  field: string;
  message: string;
}

interface StoredReading {
  measure_id: string;
  value: string;
  observed_on: string;
  note: string | null;
  source: string | null;
  entered_by_id: string;
}

/** The session cookies of a test user, as a browser would send them. */
const sessionOf = (user: TestUser) => [
  `ft_access=${user.token}`,
  `ft_refresh=${user.refreshToken}`,
];

const cookiesOf = (response: Response): string[] =>
  ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map(
    (line) => line.split(';')[0] ?? '',
  );

describe('measure readings from a CSV file (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'CSV' });
    away = await createCouncilWithPeople(t, { code: 'FAR' });
    db = t.app.get(DataSource);
  });

  afterAll(() => t?.close());

  /** An open action owned by `cast`'s first staff member, with the measures named. */
  async function measured(
    cast: Cast = home,
    measures: Array<{ name: string; unit: string }> = [
      { name: 'Plans audited as good', unit: 'percentage' },
      { name: 'Visits on time', unit: 'count' },
    ],
  ) {
    const plan = await createPlan(t, cast.council, cast.manager.user, {
      recommendations: [
        { actions: [{ status: 'open', ownerId: cast.staff.user.id, dueOn: daysFromToday(90) }] },
      ],
    });
    const action = only(plan.actions);
    const ids: Record<string, string> = {};
    for (const { name, unit } of measures) {
      const res = await cast.manager
        .as(request(t.server).post(`/api/actions/${action.id}/measures`))
        .send({
          name,
          unit,
          direction: 'higher',
          targetValue: unit === 'percentage' ? 80 : 100,
          targetOn: daysFromToday(180),
        })
        .expect(201);
      ids[name] = (res.body as { id: string }).id;
    }
    return { action, ids };
  }

  const upload = (who: TestUser, csv: string | Buffer, fields: Record<string, string> = {}) => {
    const post = who.as(request(t.server).post('/api/measures/readings'));
    for (const [name, value] of Object.entries(fields)) void post.field(name, value);
    return post.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), 'readings.csv');
  };

  const readingsOf = (measureIds: string[]): Promise<StoredReading[]> =>
    db.query(
      `SELECT measure_id, value::text AS value, observed_on::text AS observed_on, note, source,
              entered_by_id
         FROM measure_readings WHERE measure_id = ANY($1) ORDER BY observed_on, value`,
      [measureIds],
    );

  const history = async (actionId: string): Promise<HistoryJson[]> =>
    (await home.manager.as(request(t.server).get(`/api/actions/${actionId}/history`)).expect(200))
      .body as HistoryJson[];

  const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

  it('records a good file, each reading in its action’s history, and marks the actions active', async () => {
    const a = await measured();
    const b = await measured();
    const [before] = await db.query<Array<{ updated_at: Date }>>(
      `SELECT updated_at FROM actions WHERE id = $1`,
      [a.action.id],
    );
    const yesterday = daysFromToday(-1);
    const [y, m, d] = daysFromToday(-2).split('-');
    const res = await upload(
      home.manager,
      '\uFEFF' +
        csv(
          `${a.action.reference},Plans audited as good,62.5,${yesterday},October audit,QA report`,
          `${a.action.reference.toLowerCase()}, visits on time ,7,${d}/${m}/${y},,`,
          '',
          `${b.action.reference},Plans audited as good,40,${yesterday},,`,
        ),
    ).expect(201);
    expect(res.body).toEqual({ recorded: 3, refused: [], refusedTotal: 0 });

    expect(await readingsOf(Object.values(a.ids))).toEqual([
      {
        measure_id: a.ids['Visits on time'],
        value: '7',
        observed_on: daysFromToday(-2),
        note: null,
        source: null,
        entered_by_id: home.manager.user.id,
      },
      {
        measure_id: a.ids['Plans audited as good'],
        value: '62.5',
        observed_on: yesterday,
        note: 'October audit',
        source: 'QA report',
        entered_by_id: home.manager.user.id,
      },
    ]);
    expect(await readingsOf(Object.values(b.ids))).toHaveLength(1);

    const recorded = (await history(a.action.id)).filter((e) => e.event === 'reading_recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ id: home.manager.user.id }) as unknown,
        changes: {
          measure: { from: null, to: 'Plans audited as good' },
          value: { from: null, to: 62.5 },
          observedOn: { from: null, to: yesterday },
          note: { from: null, to: 'October audit' },
          source: { from: null, to: 'QA report' },
        },
      }),
    );
    const [after] = await db.query<Array<{ updated_at: Date }>>(
      `SELECT updated_at FROM actions WHERE id = $1`,
      [a.action.id],
    );
    expect(after?.updated_at.getTime()).toBeGreaterThan(before?.updated_at.getTime() ?? Infinity);
  });

  /** Line 2 good; 3 a percentage over 100; 4 (after a blank line) a date to come; 5 no such measure; 6 a bad date. */
  const mixed = (ref: string) =>
    csv(
      `${ref},Plans audited as good,55,${daysFromToday(-3)},,`,
      `${ref},Plans audited as good,120,${daysFromToday(-3)},,`,
      '',
      `${ref},Visits on time,3,${daysFromToday(2)},,`,
      `${ref},Nothing like it,3,${daysFromToday(-3)},,`,
      `${ref},Visits on time,3,31-12-2025,,`,
      `${ref},Visits on time,4,${daysFromToday(-3)},,`,
    );

  it('refuses a file with any bad line as a whole, naming each line, and stores nothing', async () => {
    const { action, ids } = await measured();
    const res = await upload(home.staff, mixed(action.reference)).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      message: '4 lines of the file cannot be recorded, so none of it was',
      details: { code: 'invalid-readings', scope: 'lines', total: 4 },
    });
    const problems = (res.body as { details: { problems: ProblemJson[] } }).details.problems;
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [3, 'value'],
      [5, 'observed_on'],
      [6, 'measure'],
      [7, 'observed_on'],
    ]);
    expect(problems[0]?.message).toBe('The value must be a percentage from 0 to 100');
    expect(problems[1]?.message).toBe('The date must not be later than today');
    expect(problems[2]?.message).toBe(
      `There is no measure called “Nothing like it” on action ${action.reference}`,
    );
    expect(await readingsOf(Object.values(ids))).toEqual([]);
    const events = (await history(action.id)).map((entry) => entry.event);
    expect(events).not.toContain('reading_recorded');
  });

  it('records only the good lines with keepGoodRows, and lists the refused ones', async () => {
    const { action, ids } = await measured();
    const res = await upload(home.staff, mixed(action.reference), { keepGoodRows: 'true' }).expect(
      201,
    );
    const body = res.body as { recorded: number; refused: ProblemJson[]; refusedTotal: number };
    expect(body.recorded).toBe(2);
    expect(body.refusedTotal).toBe(4);
    expect(body.refused.map((p) => p.line)).toEqual([3, 5, 6, 7]);
    expect(
      (await readingsOf(Object.values(ids))).map((r) => [r.measure_id, r.value, r.entered_by_id]),
    ).toEqual([
      [ids['Visits on time'], '4', home.staff.user.id],
      [ids['Plans audited as good'], '55', home.staff.user.id],
    ]);
    const recorded = (await history(action.id)).filter((e) => e.event === 'reading_recorded');
    expect(recorded).toHaveLength(2);
  });

  it('answers another council’s action as not found, as for one that does not exist', async () => {
    const theirs = await measured(away);
    const res = await upload(
      home.manager,
      csv(
        `${theirs.action.reference},Plans audited as good,50,${daysFromToday(-1)},,`,
        `FAR-1999-R1-1,Plans audited as good,50,${daysFromToday(-1)},,`,
      ),
      { keepGoodRows: 'true' },
    ).expect(201);
    expect(res.body).toEqual({
      recorded: 0,
      refused: [
        {
          line: 2,
          field: 'action_reference',
          message: `There is no measure called “Plans audited as good” on action ${theirs.action.reference}`,
        },
        {
          line: 3,
          field: 'action_reference',
          message: 'There is no measure called “Plans audited as good” on action FAR-1999-R1-1',
        },
      ],
      refusedTotal: 2,
    });
    expect(await readingsOf(Object.values(theirs.ids))).toEqual([]);
  });

  it('refuses rows on actions the staff member does not own, and lets the owner record them', async () => {
    const { action, ids } = await measured();
    const file = csv(`${action.reference},Visits on time,5,${daysFromToday(-1)},,`);
    const res = await upload(home.otherStaff, file).expect(400);
    expect((res.body as { details: { problems: ProblemJson[] } }).details.problems).toEqual([
      {
        line: 2,
        field: 'action_reference',
        message: `Only the owner of action ${action.reference} or a manager can record its readings`,
      },
    ]);
    expect(await readingsOf(Object.values(ids))).toEqual([]);
    await upload(home.staff, file).expect(201);
    expect(await readingsOf(Object.values(ids))).toHaveLength(1);
  });

  it('refuses a line naming a measure that two measures of the action share', async () => {
    const { action, ids } = await measured(home, [
      { name: 'Visits', unit: 'count' },
      { name: 'visits', unit: 'count' },
    ]);
    const res = await upload(
      home.manager,
      csv(`${action.reference},VISITS,5,${daysFromToday(-1)},,`),
    ).expect(400);
    expect((res.body as { details: { problems: ProblemJson[] } }).details.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'measure' }),
    ]);
    expect(await readingsOf(Object.values(ids))).toEqual([]);
  });

  it('refuses a file over the byte limit (413) and stores nothing', async () => {
    const { action, ids } = await measured();
    const line = `${action.reference},Visits on time,5,${daysFromToday(-1)},${'n'.repeat(1900)},`;
    const big = csv(...Array<string>(600).fill(line));
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const res = await upload(home.manager, big);
    expect(res.status).toBe(413);
    expect(await readingsOf(Object.values(ids))).toEqual([]);
  });

  it('refuses more than 5,000 rows as a whole before looking at any', async () => {
    const { action, ids } = await measured();
    const line = `${action.reference},Visits on time,5,${daysFromToday(-1)},,`;
    const res = await upload(home.manager, csv(...Array<string>(5001).fill(line))).expect(413);
    expect(res.body).toMatchObject({
      message: 'The file has 5,001 rows: upload at most 5,000 at a time',
      details: { code: 'too-many-readings', rows: 5001, limit: 5000 },
    });
    expect(await readingsOf(Object.values(ids))).toEqual([]);
  });

  it('refuses an unknown column by name, a missing file, other fields and a JSON body', async () => {
    const { action, ids } = await measured();
    const res = await upload(
      home.manager,
      `action_reference,measure,value,observed_on,colour\n${action.reference},Visits on time,5,${daysFromToday(-1)},red\n`,
    ).expect(400);
    expect(res.body).toMatchObject({
      details: {
        code: 'invalid-readings',
        scope: 'file',
        problems: [{ line: 1, field: 'colour' }],
        total: 1,
      },
    });
    await home.manager
      .as(request(t.server).post('/api/measures/readings'))
      .field('keepGoodRows', 'true')
      .expect(400);
    await upload(home.manager, csv(), { colour: 'red' }).expect(400);
    await upload(home.manager, csv(), { keepGoodRows: 'yes' }).expect(400);
    await home.manager
      .as(request(t.server).post('/api/measures/readings'))
      .send({ file: 'x' })
      .expect(415);
    await request(t.server)
      .post('/api/measures/readings')
      .attach('file', Buffer.from(csv()))
      .expect(401);
    expect(await readingsOf(Object.values(ids))).toEqual([]);
  });

  it('offers a template listing every measure of the council, and only that council’s', async () => {
    const mine = await measured();
    const theirs = await measured(away);
    const res = await home.staff
      .as(request(t.server).get('/api/measures/readings.csv'))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`${mine.action.reference},Plans audited as good,,,,\r\n`);
    expect(text).toContain(`${mine.action.reference},Visits on time,,,,\r\n`);
    expect(text).not.toContain(theirs.action.reference);
    const rows = text.trim().split('\r\n').slice(1);
    const [measures] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM measures WHERE council_id = $1`,
      [home.council.id],
    );
    expect(rows).toHaveLength(measures?.count ?? -1);
  });

  describe('the upload page', () => {
    /** Uploads from the page as a browser does: multipart, the CSRF token in the form's address. */
    async function uploadPage(user: TestUser, content: string, keepGoodRows = false) {
      const session = sessionOf(user);
      const page = await request(t.server)
        .get('/measures/readings/upload')
        .set('Cookie', session.join('; '))
        .expect(200);
      const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(
        page.text,
      )?.[1];
      expect(action).toBe(
        `/measures/readings/upload?_csrf=${encodeURIComponent(csrfOf(page.text))}`,
      );
      const post = request(t.server)
        .post((action ?? '').replace(/&amp;/g, '&'))
        .set('Cookie', [...session, ...cookiesOf(page)].join('; '));
      if (keepGoodRows) void post.field('keepGoodRows', 'true');
      return post.attach('file', Buffer.from(content), 'readings.csv');
    }

    it('is linked from the action page and offers the template and the checkbox', async () => {
      const { action } = await measured();
      const actionPage = await request(t.server)
        .get(`/actions/${action.id}`)
        .set('Cookie', sessionOf(home.staff).join('; '))
        .expect(200);
      expect(actionPage.text).toContain('href="/measures/readings/upload"');
      const page = await request(t.server)
        .get('/measures/readings/upload')
        .set('Cookie', sessionOf(home.staff).join('; '))
        .expect(200);
      expect(page.text).toContain('Record the good rows even if some rows are refused');
      expect(page.text).toContain('<label class="govuk-label govuk-label--l" for="file">');
      const template = await request(t.server)
        .get('/measures/readings.csv')
        .set('Cookie', sessionOf(home.staff).join('; '))
        .expect(200);
      expect(template.text).toContain(`${action.reference},Visits on time,,,,`);
    });

    it('records a good file and says how many', async () => {
      const { action, ids } = await measured();
      const res = await uploadPage(
        home.staff,
        csv(`${action.reference},Visits on time,5,${daysFromToday(-1)},,`),
      );
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/measures/readings/upload');
      expect(cookiesOf(res).join(';')).toContain('1%20reading%20recorded');
      expect(await readingsOf(Object.values(ids))).toHaveLength(1);
    });

    it('shows a refused file again with its lines, and stores nothing', async () => {
      const { action, ids } = await measured();
      const res = await uploadPage(home.staff, mixed(action.reference));
      expect(res.status).toBe(400);
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toContain('4 lines have problems, so no reading was recorded');
      expect(res.text).toContain('href="#refused-lines"');
      expect(res.text).toContain('id="refused-lines"');
      expect(res.text).toContain('The value must be a percentage from 0 to 100');
      expect(res.text).toMatch(/<th scope="row" class="govuk-table__header[^"]*">6<\/th>/);
      expect(await readingsOf(Object.values(ids))).toEqual([]);
    });

    it('records the good lines when asked, showing both the count and the refused lines', async () => {
      const { action, ids } = await measured();
      const res = await uploadPage(home.staff, mixed(action.reference), true);
      expect(res.status).toBe(200);
      expect(res.text).toContain('2 readings recorded');
      expect(res.text).toContain('4 lines were refused and not recorded');
      expect(res.text).toContain(`There is no measure called “Nothing like it”`);
      expect(res.text).toMatch(/name="keepGoodRows"[^>]*value="true" checked/);
      expect(await readingsOf(Object.values(ids))).toHaveLength(2);
    });

    it('puts an unreadable file on the file field', async () => {
      const res = await uploadPage(home.staff, 'colour,measure\nred,x\n');
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#file"');
      expect(res.text).toContain('govuk-file-upload--error');
      expect(res.text).toContain('Unknown column “colour”');
    });
  });
});
