import { REPORT_DRAWN_MAX_ACTIONS } from '@app/committee-reports';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request, { type Test } from 'supertest';
import { daysFromToday, todayInLondon } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { addVisitsMeasure, recordReading } from '../factories/measures';
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
  // A test that moves the clock on leaves the next one starting today.
  afterEach(() => clock.set(new Date().toISOString()));

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
    const measureId = (await addVisitsMeasure(t, home.manager, measured.id)).id;
    await recordReading(
      t,
      home.staff,
      { actionId: measured.id, measureId },
      {
        value: 52,
        observedOn: today,
      },
    );

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
    await recordReading(
      t,
      home.staff,
      { actionId: measured.id, measureId },
      {
        value: 20,
        observedOn: tomorrow,
      },
    );
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
    await home.manager
      .as(request(t.server).get('/api/reports/committee.pdf'))
      .query({ inspectionId })
      .expect(400);
    await report({ inspectionId: 'not-a-uuid' }).expect(400);
    await report({ inspectionId }, home.staff).expect(403);
    await report({ inspectionId }, away.manager).expect(404);
  });

  /** supertest's binary body as a Buffer. */
  const binary = (res: Test): Test =>
    res.buffer(true).parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });

  async function measuredPlan() {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          priority: 'priority_action',
          text: 'Improve the timeliness of visits',
          actions: [
            {
              title: 'Weekly visit audits',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(30),
            },
          ],
        },
      ],
    });
    const action = only(plan.actions);
    const measure = await addVisitsMeasure(t, home.manager, action.id);
    await recordReading(
      t,
      home.staff,
      { actionId: action.id, measureId: measure.id },
      {
        value: 10,
        observedOn: daysFromToday(-1),
      },
    );
    return { plan, action };
  }

  it('gives the Word document with real headings in order and header rows on its tables', async () => {
    const { plan } = await measuredPlan();
    const res = await binary(
      home.manager
        .as(request(t.server).get('/api/reports/committee.docx'))
        .query({ inspectionId: plan.inspection.id }),
    ).expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="progress-report-inspection-\d{4}-\d{2}-\d{2}\.docx"/,
    );
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const headings = [
      ...xml.matchAll(/<w:pStyle w:val="(Heading\d|Title)"\/>[\s\S]*?<\/w:p>/g),
    ].map((m) => [
      m[1],
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    ]);
    const texts = headings.map(([, text]) => text ?? '');
    const at = (needle: string) => texts.findIndex((text) => text.includes(needle));
    // Inspection, then its recommendation, then the measure under it: in that order.
    expect(at(plan.inspection.reference)).toBeGreaterThanOrEqual(0);
    expect(at('R1')).toBeGreaterThan(at(plan.inspection.reference));
    expect(at('Visits in time')).toBeGreaterThan(at('R1'));
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables)
      expect(table).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    expect(xml).toContain('Weekly visit audits');
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Line chart of Visits in time/);
  });

  it('gives the workbook with one row per action, dates as dates and a sheet of readings', async () => {
    const { plan, action } = await measuredPlan();
    const res = await binary(
      home.manager
        .as(request(t.server).get('/api/reports/committee.xlsx'))
        .query({ inspectionId: plan.inspection.id }),
    ).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Actions');
    if (!sheet) throw new Error('no Actions sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(column('Reference')).toBeGreaterThan(0);
    const row = sheet.getRow(2);
    expect(row.getCell(column('Reference')).value).toBe(action.reference);
    const due = row.getCell(column('Current deadline')).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe(daysFromToday(30));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const readings = book.getWorksheet('Readings');
    expect(readings?.getRow(2).getCell(5).value).toBe(10);
  });

  it('shows the same report as a page, with its downloads, and refuses staff', async () => {
    const { plan } = await measuredPlan();
    const b = WebBrowser.as(t.server, home.manager);
    const page = await b.get(`/reports/committee?inspectionId=${plan.inspection.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Weekly visit audits');
    expect(page.text).toContain('Improve the timeliness of visits');
    expect(page.text).toMatch(/<svg [^>]*role="img"/);
    expect(page.text).toContain('@media print');
    expect(page.text).toContain(
      `/reports/committee.docx?asAt=${today}&amp;inspectionId=${plan.inspection.id}`,
    );
    // 10 against a line near 50: red, on a priority action, so the plan is red: as the dashboard says.
    expect(page.text).toContain('Well behind the line to the target');
    const dashboard = (await home.manager.as(request(t.server).get('/api/dashboard')).expect(200))
      .body as { inspections: { id: string; progress: { rag: string } }[] };
    expect(dashboard.inspections.find((i) => i.id === plan.inspection.id)?.progress.rag).toBe(
      'red',
    );
    const file = await b.get(`/reports/committee.xlsx?inspectionId=${plan.inspection.id}`);
    expect(file.status).toBe(200);
    const staff = await WebBrowser.as(t.server, home.staff).get('/reports/committee');
    expect(staff.status).toBe(403);
  });

  it('keeps a council’s biggest plan to the streamed workbook, not a page or a Word document', async () => {
    const big = await createCouncilWithPeople(t, { code: 'CTB' });
    await createPlan(t, big.council, big.manager.user, {
      recommendations: [
        {
          actions: Array.from({ length: REPORT_DRAWN_MAX_ACTIONS + 1 }, () => ({
            status: 'open' as const,
            ownerId: big.staff.user.id,
            dueOn: daysFromToday(10),
          })),
        },
      ],
    });
    const refused = await big.manager
      .as(request(t.server).get('/api/reports/committee.docx'))
      .expect(400);
    expect(refused.body).toMatchObject({
      details: { code: 'report-too-large', actions: REPORT_DRAWN_MAX_ACTIONS + 1 },
    });
    const tooBig = await WebBrowser.as(t.server, big.manager).get('/reports/committee');
    expect(tooBig.status).toBe(400);
    expect(tooBig.text).toContain(
      `This report has 1,001 actions, more than the 1,000 a page or a Word document can show`,
    );
    const book = new ExcelJS.Workbook();
    const res = await binary(
      big.manager.as(request(t.server).get('/api/reports/committee.xlsx')),
    ).expect(200);
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    expect(book.getWorksheet('Actions')?.rowCount).toBe(REPORT_DRAWN_MAX_ACTIONS + 2);
  });
});
