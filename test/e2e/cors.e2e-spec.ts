import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';

describe('CORS (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      env: { CORS_ORIGINS: 'https://council.example.org,http://localhost:5173' },
    });
  });

  afterAll(() => testApp?.close());

  it('allows a listed origin and exposes the request id', async () => {
    const response = await request(testApp.server)
      .get('/health/live')
      .set('origin', 'http://localhost:5173')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(response.headers['access-control-expose-headers']).toMatch(/x-request-id/i);
  });

  it('answers a preflight from a listed origin', async () => {
    const response = await request(testApp.server)
      .options('/health/live')
      .set('origin', 'https://council.example.org')
      .set('access-control-request-method', 'POST')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://council.example.org');
  });

  it('gives an unlisted origin no CORS headers', async () => {
    const response = await request(testApp.server)
      .get('/health/live')
      .set('origin', 'https://evil.example')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
