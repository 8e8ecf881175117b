import { addWorkingDays } from '@app/common';
import { londonDateOf } from '@app/common';
import { CouncilsService } from '@app/people';
import { MAX_INPUT_BYTES } from '@app/report-parser';
import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { spec as northvaleSif } from '../fixtures/reports/northvale-sif-2016.pdf-spec';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { buildImagePdf, buildReportPdf } from '../support/pdf-builder';
import { nth } from '../support/items';

const fixture = (path: string): Buffer => readFileSync(join(__dirname, '../fixtures', path));
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const plusDays = (iso: string, days: number): string =>
  formatISO(addDays(parseISO(iso), days), { representation: 'date' });
const plusMonths = (iso: string, months: number): string =>
  formatISO(addMonths(parseISO(iso), months), { representation: 'date' });

interface RecommendationBody {
  id: string;
  ref: string;
  text: string;
  priority: string;
  timescale: string | null;
  dueOn: string | null;
  actionIds: string[];
}

interface InspectionBody {
  id: string;
  reference: string;
  kind: string;
  publishedOn: string | null;
  importedAt: string;
  importedBy: { id: string; name: string; email: string };
  deadlinesCountedFrom: string;
  deadlinesBasis: string;
  planDeadlines: {
    draftDueOn: string | null;
    finalDueOn: string | null;
    countedFrom: string;
    basis: string;
  };
  progress: { total: number; byStatus: Record<string, number>; rag: string };
  file: { name: string; mediaType: string; size: number; sha256: string };
  recommendations: RecommendationBody[];
  actionsCreated: number;
  notice: string | null;
}

interface ActionRow {
  id: string;
  reference: string;
  sequence: number;
  title: string;
  description: string | null;
  success_measure: string | null;
  owner_id: string | null;
  due_on: string;
  original_due_on: string;
  status: string;
  recommendation_id: string;
}

interface AuditRow {
  action_id: string;
  actor_id: string;
  event: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

describe('/api/inspections (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });

  afterAll(() => t?.close());

  const importAs = (user: TestUser, bytes: Buffer | Uint8Array, name = 'report.txt') =>
    user.as(request(t.server).post('/api/inspections')).attach('file', Buffer.from(bytes), name);

  const actionsOf = (inspectionId: string): Promise<ActionRow[]> =>
    db.query(
      `SELECT a.id, a.reference, a.sequence, a.title, a.description, a.success_measure,
              a.owner_id, a.due_on::text, a.original_due_on::text, a.status, a.recommendation_id
         FROM actions a JOIN recommendations r ON r.id = a.recommendation_id
        WHERE a.inspection_id = $1 ORDER BY r.position`,
      [inspectionId],
    );

  /** GET a file as raw bytes, whatever its type. */
  const download = (user: TestUser, path: string) =>
    user
      .as(request(t.server).get(path))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const countRows = async (table: string, councilId: string): Promise<number> => {
    const rows = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${table} WHERE council_id = $1`,
      [councilId],
    );
    return nth(rows, 0).n;
  };

  describe('POST /inspections', () => {
    it('imports a text report: inspection, recommendations and one draft action each, audited', async () => {
      const { council, manager } = await createCouncilWithPeople(t, {
        name: 'Harrowfield Council',
        code: 'HFD',
      });
      // "Immediately" items get the council's window: make it something other than the default.
      await t.app.get(CouncilsService).updateSettings(council.id, { immediateWindowDays: 7 });
      const bytes = fixture('reports/harrowfield-safeguarding-lac-2012.txt');

      const res = await importAs(manager, bytes, 'harrowfield-2012.txt').expect(201);
      const body = res.body as InspectionBody;

      expect(body).toMatchObject({
        reference: 'HFD-2012',
        kind: 'full_inspection',
        publishedOn: '2012-05-11',
        importedBy: { id: manager.user.id, email: manager.user.email },
        deadlinesCountedFrom: '2012-05-11',
        deadlinesBasis: 'published',
        // A full inspection needs a final plan; no priority actions, so no draft plan.
        // Fri 11 May 2012 + 70 working days: 14 weeks → Fri 17 Aug, plus the two weekday bank
        // holidays in between (Mon 4 and Tue 5 June, the Jubilee) → Tue 21 Aug.
        planDeadlines: {
          draftDueOn: null,
          finalDueOn: '2012-08-21',
          countedFrom: '2012-05-11',
          basis: 'published',
        },
        file: {
          name: 'harrowfield-2012.txt',
          mediaType: 'text/plain',
          size: bytes.byteLength,
          sha256: sha256(bytes),
        },
        actionsCreated: 16,
        notice: null,
        progress: { total: 16, byStatus: expect.objectContaining({ draft: 16 }) as unknown },
      });
      expect(body.recommendations).toHaveLength(16);
      expect(body.recommendations.map((r) => r.ref)).toEqual(
        Array.from({ length: 16 }, (_, i) => `R${i + 1}`),
      );

      const actions = await actionsOf(body.id);
      expect(actions).toHaveLength(16);
      const expectedDue: Record<string, string> = {
        P0D: '2012-05-18', // the council's 7 days, not the parser's "due on publication"
        P3M: '2012-08-11',
        P6M: '2012-11-11',
      };
      body.recommendations.forEach((rec, i) => {
        const action = nth(actions, i);
        expect(rec.actionIds).toEqual([action.id]);
        expect(action).toMatchObject({
          recommendation_id: rec.id,
          reference: `HFD-2012-${rec.ref}-1`,
          sequence: 1,
          status: 'draft',
          description: null,
          success_measure: null,
          owner_id: null,
          due_on: expectedDue[rec.timescale ?? ''],
          original_due_on: expectedDue[rec.timescale ?? ''],
        });
        expect(action.title.length).toBeLessThanOrEqual(120);
      });
      // First sentence capitalised, cut before 120 characters at a word, its comma dropped.
      expect(nth(actions, 0).title).toBe(
        'Ensure that all child protection enquiries undertaken under section 47 of the Children Act 1989 are fully recorded…',
      );

      const audit: AuditRow[] = await db.query(
        `SELECT action_id, actor_id, event, changes FROM audit_entries WHERE council_id = $1`,
        [council.id],
      );
      expect(audit).toHaveLength(16);
      for (const action of actions) {
        const entry = audit.find((row) => row.action_id === action.id);
        expect(entry).toMatchObject({
          actor_id: manager.user.id,
          event: 'created',
          changes: {
            reference: { from: null, to: action.reference },
            title: { from: null, to: action.title },
            status: { from: null, to: 'draft' },
            dueOn: { from: null, to: action.due_on },
            originalDueOn: { from: null, to: action.original_due_on },
          },
        });
      }

      // The stored file is the upload, byte for byte, served back as an attachment.
      const file = await download(manager, `/api/inspections/${body.id}/file`).expect(200);
      expect(file.headers['content-type']).toBe('text/plain');
      expect(file.headers['content-disposition']).toBe(
        'attachment; filename="harrowfield-2012.txt"',
      );
      expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    });

    it('imports a PDF, counting no-timescale deadlines with the default window', async () => {
      const { council, admin } = await createCouncilWithPeople(t, { code: 'NVL' });
      const pdf = Buffer.from(await buildReportPdf(northvaleSif));

      const res = await importAs(admin, pdf, 'Northvale – children’s services.pdf').expect(201);
      const body = res.body as InspectionBody;
      expect(body).toMatchObject({
        reference: 'NVL-2016',
        kind: 'full_inspection',
        // The UTF-8 name kept as sent.
        file: {
          name: 'Northvale – children’s services.pdf',
          mediaType: 'application/pdf',
          size: pdf.byteLength,
        },
        // Tue 19 July 2016 + 70 working days: 14 weeks → Tue 25 Oct, plus Mon 29 Aug → Wed 26 Oct.
        planDeadlines: { draftDueOn: null, finalDueOn: '2016-10-26' },
        actionsCreated: 19,
      });
      const actions = await actionsOf(body.id);
      expect(actions).toHaveLength(19);
      // No timescale anywhere: 19 July 2016 + the default 6 months.
      expect(new Set(actions.map((a) => a.due_on))).toEqual(new Set(['2017-01-19']));
      expect(actions.map((a) => a.reference)).toContain('NVL-2016-R19-1');
      expect(await countRows('audit_entries', council.id)).toBe(19);

      const file = await download(admin, `/api/inspections/${body.id}/file`)
        .expect(200)
        .expect('content-type', 'application/pdf');
      expect(file.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('Northvale – children’s services.pdf').replace(/'/g, '%27')}`,
      );
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    });

    it('records both plan deadlines for a report with areas for priority action', async () => {
      const { manager } = await createCouncilWithPeople(t);
      const res = await importAs(manager, fixture('reports/brackenfield-sif-2016.txt')).expect(201);
      const body = res.body as InspectionBody;
      // Tue 12 July 2016: + 20 working days = 4 weeks → Tue 9 Aug; + 70 = 14 weeks → Tue 18 Oct,
      // plus the summer bank holiday (Mon 29 Aug) → Wed 19 Oct.
      expect(body.planDeadlines).toEqual({
        draftDueOn: '2016-08-09',
        finalDueOn: '2016-10-19',
        countedFrom: '2016-07-12',
        basis: 'published',
      });
      const priority = body.recommendations.filter((r) => r.priority === 'priority_action');
      expect(priority.length).toBeGreaterThan(0);
      // "Priority and immediate action" items: the default 14-day window from publication.
      const actions = await actionsOf(body.id);
      for (const rec of priority) {
        expect(actions.find((a) => a.recommendation_id === rec.id)?.due_on).toBe('2016-07-26');
      }
    });

    it('counts from the import date when the report has no dates, and keeps fixed dates', async () => {
      const { manager } = await createCouncilWithPeople(t, { code: 'RKW' });
      const res = await importAs(manager, fixture('import/rookwood-undated-letter.txt')).expect(
        201,
      );
      const body = res.body as InspectionBody;
      // The server's "today", read back from when it recorded the import.
      const today = londonDateOf(new Date(body.importedAt));
      expect(body).toMatchObject({
        reference: `RKW-${today.slice(0, 4)}`,
        deadlinesCountedFrom: today,
        deadlinesBasis: 'imported',
        // A letter with an area for priority action needs both plans.
        planDeadlines: {
          draftDueOn: addWorkingDays(today, 20),
          finalDueOn: addWorkingDays(today, 70),
          basis: 'imported',
        },
      });
      const actions = await actionsOf(body.id);
      expect(actions.map((a) => a.due_on)).toEqual([
        plusMonths(today, 6), // R1 priority action, no timescale: default window
        '2031-03-31', // R2 "by 31 March 2031": as the report says
        plusMonths(today, 6), // R3 no timescale
        plusDays(today, 14), // R4 "Immediately": the default 14 days
        plusMonths(today, 3), // R5 "Within three months"
      ]);
    });

    it('leaves out report dates it cannot believe, says so, and counts from the import date', async () => {
      const { council, manager } = await createCouncilWithPeople(t, {
        name: 'Quillborough District Council',
        code: 'QBD',
      });
      // Published 1 March 2099, visited in February 2099, one item due "by 31 March 2099".
      const res = await importAs(
        manager,
        fixture('import/quillborough-unbelievable-dates.txt'),
      ).expect(201);
      const body = res.body as InspectionBody;
      const today = londonDateOf(new Date(body.importedAt));
      expect(body).toMatchObject({
        publishedOn: null,
        deadlinesCountedFrom: today,
        deadlinesBasis: 'imported',
        actionsCreated: 2,
      });
      expect(body.notice).toBe(
        "The report's publication date (Sunday 1 March 2099, after the day of import), first " +
          'inspection day (Tuesday 10 February 2099, after the day of import) and last inspection ' +
          'day (Thursday 12 February 2099, after the day of import) cannot be right, so they were ' +
          "left out and deadlines count from the day of import: check the report's dates. " +
          "The report's deadline for R1 is before 2000 or more than ten years ahead, so its draft " +
          "action has the council's default deadline instead: check it.",
      );
      expect(body.recommendations.map((rec) => [rec.ref, rec.dueOn])).toEqual([
        ['R1', null],
        ['R2', null],
      ]);
      const [stored] = await db.query<Array<Record<string, string | null>>>(
        `SELECT published_on::text AS "publishedOn", visit_started_on::text AS "visitStartedOn",
                visit_ended_on::text AS "visitEndedOn", reference
           FROM inspections WHERE council_id = $1`,
        [council.id],
      );
      expect(stored).toEqual({
        publishedOn: null,
        visitStartedOn: null,
        visitEndedOn: null,
        reference: `QBD-${today.slice(0, 4)}`,
      });
      // Both drafts get the council's default window from today, the 2099 date set aside.
      const actions = await actionsOf(body.id);
      expect(actions.map((a) => a.due_on)).toEqual([plusMonths(today, 6), plusMonths(today, 6)]);
    });

    it('imports a report with no recommendations, says so, and creates no actions', async () => {
      const { council, manager } = await createCouncilWithPeople(t);
      const res = await importAs(
        manager,
        fixture('reports/westmoor-monitoring-visit-2019.txt'),
      ).expect(201);
      const body = res.body as InspectionBody;
      expect(body).toMatchObject({
        kind: 'monitoring_visit',
        actionsCreated: 0,
        recommendations: [],
        notice: expect.stringMatching(
          /^No list of recommendations was found, so no actions were created, but \d+ weaknesses are stated in the prose/,
        ) as unknown,
        progress: { total: 0, rag: 'green' },
        planDeadlines: { draftDueOn: null, finalDueOn: null },
      });
      expect(await countRows('inspections', council.id)).toBe(1);
      expect(await countRows('actions', council.id)).toBe(0);
      expect(await countRows('suggestions', council.id)).toBeGreaterThan(0);
    });

    it('imports a report about another authority, but says so', async () => {
      const { manager } = await createCouncilWithPeople(t);
      const res = await importAs(
        manager,
        fixture('reports/northvale-focused-visit-2019.txt'),
      ).expect(201);
      expect((res.body as InspectionBody).notice).toMatch(
        /^This report is about .*Northvale.*, not Testshire .* Council: check it was meant/,
      );
    });

    it('answers 409 with the existing inspection for the same file, and duplicates nothing', async () => {
      const { council, manager, admin } = await createCouncilWithPeople(t, { code: 'DUP' });
      const bytes = fixture('reports/northvale-focused-visit-2019.txt');
      const first = (await importAs(manager, bytes).expect(201)).body as InspectionBody;

      const again = await importAs(admin, bytes, 'renamed.txt').expect(409);
      expect(again.body).toMatchObject({
        statusCode: 409,
        message: 'This report was already imported as DUP-2019',
        details: { inspectionId: first.id, reference: 'DUP-2019' },
      });
      expect(await countRows('inspections', council.id)).toBe(1);
      expect(await countRows('recommendations', council.id)).toBe(4);
      expect(await countRows('actions', council.id)).toBe(4);
      expect(await countRows('audit_entries', council.id)).toBe(4);
    });

    it('lets only one of two simultaneous imports of a file through', async () => {
      const { council, manager } = await createCouncilWithPeople(t);
      const bytes = fixture('reports/kingsmere-focused-visit-2020.txt');
      const responses = await Promise.all([importAs(manager, bytes), importAs(manager, bytes)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const created = responses.find((r) => r.status === 201)?.body as InspectionBody;
      const refused = responses.find((r) => r.status === 409)?.body as {
        details: { inspectionId: string };
      };
      expect(refused.details.inspectionId).toBe(created.id);
      expect(await countRows('inspections', council.id)).toBe(1);
      expect(await countRows('actions', council.id)).toBe(6);
    });

    it('lets another council import the same file', async () => {
      const bytes = fixture('reports/eastbrook-focused-visit-2018.txt');
      const one = await createCouncilWithPeople(t, { code: 'ONE' });
      const two = await createCouncilWithPeople(t, { code: 'TWO' });
      await importAs(one.manager, bytes).expect(201);
      const res = await importAs(two.manager, bytes).expect(201);
      expect((res.body as InspectionBody).reference).toBe('TWO-2018');
    });

    it('numbers a second inspection of the same year -2, and its actions after it', async () => {
      const { manager } = await createCouncilWithPeople(t, { code: 'TWN' });
      const bytes = fixture('reports/northvale-focused-visit-2019.txt');
      await importAs(manager, bytes).expect(201);
      // A different file (one more line) of the same year.
      const second = (
        await importAs(manager, Buffer.concat([bytes, Buffer.from('\n')])).expect(201)
      ).body as InspectionBody;
      expect(second.reference).toBe('TWN-2019-2');
      const actions = await actionsOf(second.id);
      expect(actions.map((a) => a.reference)).toEqual([
        'TWN-2019-2-R1-1',
        'TWN-2019-2-R2-1',
        'TWN-2019-2-R3-1',
        'TWN-2019-2-R4-1',
      ]);
    });

    it('is for managers and admins: staff get 403 and nothing is created', async () => {
      const { council, staff } = await createCouncilWithPeople(t);
      const res = await importAs(staff, fixture('reports/northvale-focused-visit-2019.txt'));
      expect(res.status).toBe(403);
      expect(await countRows('inspections', council.id)).toBe(0);
    });

    it('needs a login', async () => {
      await request(t.server)
        .post('/api/inspections')
        .attach('file', fixture('reports/northvale-focused-visit-2019.txt'), 'r.txt')
        .expect(401);
    });

    describe('refuses bad uploads with a clear JSON error', () => {
      let manager: TestUser;
      let councilId: string;

      beforeAll(async () => {
        const people = await createCouncilWithPeople(t);
        manager = people.manager;
        councilId = people.council.id;
      });

      const expectError = async (
        res: request.Response,
        status: number,
        message: RegExp,
      ): Promise<void> => {
        expect(res.status).toBe(status);
        expect(res.body).toEqual({
          statusCode: status,
          error: expect.any(String) as unknown,
          message: expect.stringMatching(message) as unknown,
          requestId: res.headers['x-request-id'],
        });
        // A refused upload leaves nothing behind.
        expect(await countRows('inspections', councilId)).toBe(0);
      };

      it('400 without a file', async () => {
        await expectError(
          await manager.as(request(t.server).post('/api/inspections')),
          400,
          /multipart field "file"/,
        );
      });

      it('400 for a file under another field name', async () => {
        await expectError(
          await manager
            .as(request(t.server).post('/api/inspections'))
            .attach('report', Buffer.from('Areas for improvement'), 'r.txt'),
          400,
          /Unexpected field|report/,
        );
      });

      it('400 for fields besides the file', async () => {
        await expectError(
          await importAs(manager, fixture('reports/northvale-focused-visit-2019.txt')).field(
            'councilId',
            '7',
          ),
          400,
          /property councilId should not exist/,
        );
      });

      it('400 for an empty file', async () => {
        await expectError(await importAs(manager, Buffer.alloc(0)), 400, /empty/);
      });

      it('415 for a file that is not a report', async () => {
        const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
        await expectError(await importAs(manager, png, 'scan.png'), 415, /PNG image/);
      });

      it('422 for text that is no inspection document at all', async () => {
        const memo = Buffer.from(
          'Team meeting notes\n\nWe discussed the rota and the new printer.\n' +
            'Actions: order toner; book the room for next week.\n',
        );
        await expectError(
          await importAs(manager, memo, 'notes.txt'),
          422,
          /does not look like an inspection report/,
        );
      });

      it('422 for a scanned PDF with no text layer', async () => {
        const scan = Buffer.from(await buildImagePdf());
        await expectError(await importAs(manager, scan, 'scan.pdf'), 422, /.+/);
      });

      it('413 over 20 MB', async () => {
        const huge = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61);
        await expectError(await importAs(manager, huge, 'huge.txt'), 413, /too large/i);
      });
    });
  });

  describe('GET /inspections and /inspections/:id', () => {
    let home: Awaited<ReturnType<typeof createCouncilWithPeople>>;
    let other: Awaited<ReturnType<typeof createCouncilWithPeople>>;
    let older: InspectionBody;
    let newer: InspectionBody;
    let theirs: InspectionBody;

    beforeAll(async () => {
      home = await createCouncilWithPeople(t, { code: 'HOME' });
      other = await createCouncilWithPeople(t, { code: 'AWAY' });
      older = (
        await importAs(home.manager, fixture('reports/kingsmere-focused-visit-2020.txt')).expect(
          201,
        )
      ).body as InspectionBody;
      newer = (
        await importAs(home.admin, fixture('reports/northvale-focused-visit-2019.txt')).expect(201)
      ).body as InspectionBody;
      theirs = (
        await importAs(other.manager, fixture('reports/eastbrook-focused-visit-2018.txt')).expect(
          201,
        )
      ).body as InspectionBody;
    });

    it('lists the council’s inspections, most recently imported first, for any role', async () => {
      const res = await home.staff.as(request(t.server).get('/api/inspections')).expect(200);
      const list = res.body as InspectionBody[];
      expect(list.map((i) => i.id)).toEqual([newer.id, older.id]);
      expect(list[1]).toEqual({
        id: older.id,
        reference: 'HOME-2020',
        kind: 'focused_visit',
        title: expect.any(String) as unknown,
        authority: expect.stringContaining('Kingsmere') as unknown,
        inspectorates: ['Ofsted'],
        publishedOn: '2020-02-20',
        visitStartedOn: '2020-01-21',
        visitEndedOn: '2020-01-22',
        importedAt: older.importedAt,
        importedBy: {
          id: home.manager.user.id,
          name: home.manager.user.name,
          email: home.manager.user.email,
        },
        // A focused visit with areas for priority action. Thu 20 Feb 2020: + 20 working days
        // → Thu 19 Mar; + 70 → 14 weeks is Thu 28 May, plus Good Friday, Easter Monday, VE Day
        // (Fri 8 May) and the spring bank holiday (25 May) → Wed 3 June.
        planDeadlines: {
          draftDueOn: '2020-03-19',
          finalDueOn: '2020-06-03',
          countedFrom: '2020-02-20',
          basis: 'published',
        },
        progress: {
          total: 6,
          byStatus: {
            draft: 6,
            open: 0,
            in_progress: 0,
            blocked: 0,
            completed: 0,
            verified: 0,
            cancelled: 0,
          },
          percentComplete: 0,
          // Due in 2020 and still in draft: overdue today, priority ones included.
          overdue: 6,
          overduePriority: 2,
          rag: 'red',
        },
      });
    });

    it('does not show another council’s inspections', async () => {
      const res = await other.staff.as(request(t.server).get('/api/inspections')).expect(200);
      expect((res.body as InspectionBody[]).map((i) => i.id)).toEqual([theirs.id]);
    });

    it('shows one inspection in full to any role', async () => {
      const res = await home.staff
        .as(request(t.server).get(`/api/inspections/${older.id}`))
        .expect(200);
      const body = res.body as InspectionBody & { judgements: unknown[] };
      expect(body).toMatchObject({
        id: older.id,
        reference: 'HOME-2020',
        judgements: [],
        deadlinesCountedFrom: '2020-02-20',
        deadlinesBasis: 'published',
        file: { name: 'report.txt', mediaType: 'text/plain' },
      });
      expect(body).not.toHaveProperty('actionsCreated');
      expect(body.recommendations).toHaveLength(6);
      expect(body.recommendations[0]).toEqual({
        id: expect.any(String) as unknown,
        ref: 'R1',
        label: null,
        text: expect.stringMatching(/^The local authority must ensure/) as unknown,
        subItems: [],
        section: 'Areas for priority action',
        theme: null,
        priority: 'priority_action',
        timescale: null,
        timescaleText: null,
        dueOn: null,
        responsible: expect.any(Array) as unknown,
        page: expect.any(Number) as unknown,
        source: 'list',
        actionIds: [expect.any(String)],
        // The council lists no partner organisations here, so none is suggested.
        suggestedOrganisationId: null,
      });
    });

    it('answers 404 for another council’s inspection, as for a missing one', async () => {
      for (const path of [`/api/inspections/${theirs.id}`, `/api/inspections/${theirs.id}/file`]) {
        const res = await home.admin.as(request(t.server).get(path)).expect(404);
        expect(res.body).toMatchObject({ message: 'Inspection not found' });
      }
      await home.admin
        .as(request(t.server).get('/api/inspections/00000000-0000-4000-8000-000000000000'))
        .expect(404);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      await home.staff.as(request(t.server).get('/api/inspections/not-a-uuid')).expect(400);
      await home.staff.as(request(t.server).get('/api/inspections/42/file')).expect(400);
    });

    it('needs a login', async () => {
      await request(t.server).get('/api/inspections').expect(401);
      await request(t.server).get(`/api/inspections/${older.id}`).expect(401);
    });
  });
});
