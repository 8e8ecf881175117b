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
      .get('/docs-json')
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

  it('serves the Swagger UI at /docs', async () => {
    const response = await request(testApp.server).get('/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});
