import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

describe('API docs (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp?.close());

  it('serves an OpenAPI 3 document at /docs-json', async () => {
    const response = await request(testApp.server)
      .get('/api/docs-json')
      .expect(200)
      .expect('content-type', /application\/json/);
    const document = response.body as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toEqual(
      expect.objectContaining({
        title: 'followthrough API',
        version: expect.any(String) as unknown,
      }),
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/health/live']),
    );
    expect(document.paths['/health']).toHaveProperty('get');
    expect(document.components?.schemas).toHaveProperty('ErrorResponse');
    // Swagger's routes sit outside Nest's middleware; the early request-id middleware covers them.
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('documents every route: a summary, the 2xx body and, behind login, the 401', async () => {
    const document = (await request(testApp.server).get('/api/docs-json').expect(200))
      .body as OpenApiDocument;
    const open = new Set([
      '/health',
      '/health/live',
      '/api/auth/login',
      '/api/auth/refresh',
      // Calendar apps cannot sign in: the address is the key (docs/security.md).
      '/api/calendar/{userId}/{file}',
    ]);
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, raw] of Object.entries(operations)) {
        const operation = raw as {
          summary?: string;
          responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
        };
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) problems.push(`${name}: no summary`);
        const ok = Object.entries(operation.responses).filter(([code]) => code.startsWith('2'));
        if (ok.length === 0) problems.push(`${name}: no 2xx response`);
        for (const [code, response] of ok) {
          if (code === '204') continue;
          const bodies = Object.values(response.content ?? {});
          if (bodies.length === 0 || bodies.some((body) => !body.schema)) {
            problems.push(`${name}: ${code} has no schema`);
          }
        }
        if (!open.has(path) && !operation.responses['401']) problems.push(`${name}: no 401`);
      }
    }
    expect(problems).toEqual([]);
    // The routes issue 4 asks for, all there.
    for (const path of [
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/logout',
      '/api/me',
      '/api/users',
      '/api/users/{id}',
      '/api/inspections',
      '/api/inspections/{id}',
      '/api/actions',
      '/api/actions/{id}',
      '/api/actions/{id}/updates',
      '/api/actions/{id}/history',
      '/api/actions/export.csv',
      '/api/dashboard',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
    // Issue 18's repeat findings.
    for (const [path, method] of [
      ['/api/inspections/{id}/repeat-links', 'get'],
      ['/api/inspections/{id}/repeat-links/{linkId}/decision', 'post'],
      ['/api/inspections/{id}/raised-again', 'get'],
      ['/api/actions/{id}/raised-before', 'get'],
      ['/api/dashboard/repeat-findings', 'get'],
    ] as const) {
      expect(document.paths[path]).toHaveProperty(method);
    }
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await request(testApp.server).get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
