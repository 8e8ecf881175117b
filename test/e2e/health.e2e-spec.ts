import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';

describe('health (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp?.close());

  it('GET /health reports Postgres and Redis up', async () => {
    const response = await request(testApp.server).get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      error: {},
      details: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    // Probes must not be served a cached answer.
    expect(response.headers['cache-control']).toMatch(/no-cache/);
  });

  it('GET /health/live answers without touching dependencies', async () => {
    const response = await request(testApp.server).get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
