import { QueueName, SystemQueue } from '@app/queue';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';

describe('health (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp?.close());

  it('GET /health reports Postgres and Redis up, and every queue’s backlog', async () => {
    const response = await request(testApp.server).get('/health').expect(200);
    // Fresh queues under this file's prefix, and no worker in this process.
    const idle = { waiting: 0, active: 0, delayed: 0, failed: 0, workers: 0 };
    const queues = {
      status: 'up',
      ...Object.fromEntries(Object.values(QueueName).map((name) => [name, idle])),
    };
    // No action's reminder check has been skipped.
    const reminders = { status: 'up', skippedActions: 0, lastSkippedAt: null };
    const checks = { postgres: { status: 'up' }, redis: { status: 'up' }, queues, reminders };
    expect(response.body).toEqual({ status: 'ok', info: checks, error: {}, details: checks });
    // Probes must not be served a cached answer.
    expect(response.headers['cache-control']).toMatch(/no-cache/);
  });

  it('GET /health counts a job that waits for a worker', async () => {
    const job = await testApp.app.get(SystemQueue).ping();
    try {
      const response = await request(testApp.server).get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        details: { queues: { status: 'up', system: { waiting: 1, workers: 0 } } },
      });
    } finally {
      await job.remove();
    }
  });

  it('GET /health/live answers without touching dependencies', async () => {
    const response = await request(testApp.server).get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
