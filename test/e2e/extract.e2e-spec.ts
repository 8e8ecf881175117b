import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { buildImagePdf, buildReportPdf } from '../support/pdf-builder';
import { spec as northvaleSif } from '../fixtures/reports/northvale-sif-2016.pdf-spec';

const fixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '../fixtures/reports', name));

describe('POST /extract (e2e)', () => {
  let t: TestApp;
  let api: ReturnType<typeof request.agent>;
  let staff: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const council = await createCouncil(t);
    const manager = await createUser(t, council, { role: 'manager' });
    staff = await createUser(t, council, { role: 'staff' });
    admin = await createUser(t, council, { role: 'admin' });
    api = request.agent(t.server).set('Authorization', `Bearer ${manager.token}`);
  });

  afterAll(() => t?.close());

  it('is for logged-in users only', async () => {
    const res = await request(t.server)
      .post('/api/extract')
      .send({ text: 'Areas for improvement' });
    expect(res.status).toBe(401);
  });

  it('is for managers and admins: staff get 403 before any upload is read', async () => {
    const text = { text: 'Areas for improvement\n\n- review plans\n' };
    const refused = await staff.as(request(t.server).post('/api/extract')).send(text);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      message: 'Only a manager or above can do this',
    });
    const upload = await staff
      .as(request(t.server).post('/api/extract'))
      .attach('file', fixture('northvale-focused-visit-2019.txt'), 'letter.txt');
    expect(upload.status).toBe(403);
    await admin.as(request(t.server).post('/api/extract')).send(text).expect(200);
    await api.post('/api/extract').send(text).expect(200);
  });

  it('reads an uploaded text report', async () => {
    const res = await api
      .post('/api/extract')
      .attach('file', fixture('northvale-focused-visit-2019.txt'), 'letter.txt')
      .expect(200);
    const body = res.body as {
      document: Record<string, unknown>;
      recommendations: Array<Record<string, unknown>>;
    };
    expect(body.document).toMatchObject({ kind: 'focused_visit', format: 'text' });
    expect(body.recommendations.length).toBeGreaterThan(0);
    expect(body.recommendations[0]).toEqual(
      expect.objectContaining({
        ref: 'R1',
        text: expect.any(String) as unknown,
        section: expect.any(String) as unknown,
        priority: 'improvement',
        timescale: null,
        timescaleText: null,
        dueOn: null,
        responsible: expect.arrayContaining([expect.stringContaining('Northvale')]) as unknown,
      }),
    );
    expect(res.body).toHaveProperty('suggestions', expect.any(Array));
  });

  it('reads an uploaded PDF report, list across a page break included', async () => {
    const res = await api
      .post('/api/extract')
      .attach('file', Buffer.from(await buildReportPdf(northvaleSif)), {
        filename: 'report.pdf',
        contentType: 'application/pdf',
      })
      .expect(200);
    const body = res.body as {
      document: { format: string; pages: number };
      recommendations: unknown[];
    };
    expect(body.document.format).toBe('pdf');
    expect(body.document.pages).toBeGreaterThan(1);
    expect(body.recommendations).toHaveLength(19);
  });

  it('reads text sent as JSON', async () => {
    const res = await api
      .post('/api/extract')
      .send({
        text: 'Areas for improvement\n\nWithin three months:\n- ensure that plans are reviewed\n',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      recommendations: [{ ref: 'R1', text: 'ensure that plans are reviewed', timescale: 'P3M' }],
    });
  });

  describe('refuses bad input with a clear JSON error', () => {
    const expectError = (res: request.Response, status: number, message: RegExp): void => {
      expect(res.status).toBe(status);
      expect(res.body).toEqual({
        statusCode: status,
        error: expect.any(String) as unknown,
        message: expect.stringMatching(message) as unknown,
        requestId: res.headers['x-request-id'],
      });
    };

    it('400 with neither a file nor text', async () => {
      expectError(await api.post('/api/extract'), 400, /multipart field "file"/);
    });

    it('400 for unknown JSON fields and for blank text', async () => {
      expectError(
        await api.post('/api/extract').send({ text: 'x', councilId: 3 }),
        400,
        /councilId should not exist/,
      );
      expectError(await api.post('/api/extract').send({ text: '   ' }), 400, /blank/);
      expectError(await api.post('/api/extract').send({ text: 42 }), 400, /text must be a string/);
    });

    it('400 for an empty file', async () => {
      expectError(
        await api.post('/api/extract').attach('file', Buffer.alloc(0), 'empty.txt'),
        400,
        /empty/,
      );
    });

    it('400 for a file under another field name', async () => {
      expectError(
        await api
          .post('/api/extract')
          .attach('report', fixture('northvale-focused-visit-2019.txt'), 'a.txt'),
        400,
        /Unexpected file field/,
      );
    });

    it('413 for a file over 20 MB and for JSON over the limit', async () => {
      expectError(
        await api
          .post('/api/extract')
          .attach('file', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61), 'big.txt'),
        413,
        /too large/i,
      );
      expectError(
        await api.post('/api/extract').send({ text: 'a'.repeat(23 * 1024 * 1024) }),
        413,
        /too large/i,
      );
    });

    it('415 for a file that is neither PDF nor text', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      expectError(await api.post('/api/extract').attach('file', png, 'scan.png'), 415, /PNG image/);
    });

    it('422 for a PDF without a text layer', async () => {
      expectError(
        await api
          .post('/api/extract')
          .attach('file', Buffer.from(await buildImagePdf()), 'scan.pdf'),
        422,
        /no text layer/,
      );
    });
  });

  it('documents the endpoint with its request and response schemas', async () => {
    const res = await api.get('/api/docs-json').expect(200);
    const doc = res.body as {
      paths: Record<'/api/extract', Record<'post', { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/api/extract'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '413', '415', '422', '429']),
    );
    expect(doc.components.schemas).toHaveProperty('ExtractionResultDto');
    expect(doc.components.schemas).toHaveProperty('RecommendationDto');
  });

  it('documents an extracted suggestion apart from a stored one, each under its own name', async () => {
    type Schema = { properties: Record<string, { items?: { $ref?: string } }> };
    const doc = (await api.get('/api/docs-json').expect(200)).body as {
      components: { schemas: Record<string, Schema> };
    };
    const { ExtractionResultDto, ExtractedSuggestionDto, SuggestionDto } = doc.components.schemas;
    expect(ExtractionResultDto?.properties.suggestions?.items?.$ref).toBe(
      '#/components/schemas/ExtractedSuggestionDto',
    );
    expect(Object.keys(ExtractedSuggestionDto?.properties ?? {})).not.toContain('status');
    expect(Object.keys(SuggestionDto?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'ref', 'text', 'cue', 'status', 'decidedBy']),
    );
  });
});
