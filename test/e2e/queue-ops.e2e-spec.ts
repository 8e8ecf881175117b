import { AppConfigModule } from '@app/config';
import { QueueName, RedisPolicyModule } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import type { Council } from '@app/people';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp, testEnv } from '../support/app';
import { freePort } from '../support/ports';

/** A throwaway redis-server (binary on PATH) that keeps nothing on disk. */
async function startRedis(policy: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1'],
      ...['--maxmemory-policy', policy, '--save', '', '--appendonly', 'no'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/** What the API does at boot, minus everything but config and the policy check. */
async function bootPolicyCheck(redisUrl: string): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot({
        env: testEnv({ REDIS_URL: redisUrl, DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' }),
      }),
      RedisPolicyModule,
    ],
  }).compile();
  try {
    await moduleRef.init();
  } finally {
    await moduleRef.close();
  }
}

describe('Redis eviction policy at boot (e2e)', () => {
  let redis: { url: string; process: ChildProcess };

  beforeAll(async () => {
    redis = await startRedis('allkeys-lru');
  });

  afterAll(async () => {
    if (!redis || redis.process.exitCode !== null) return;
    const exited = new Promise((resolve) => redis.process.once('exit', resolve));
    redis.process.kill('SIGTERM');
    await exited;
  });

  it('refuses to start on a Redis that may evict keys, saying how to fix it', async () => {
    const port = new URL(redis.url).port;
    await expect(bootPolicyCheck(redis.url)).rejects.toThrow(
      `Redis at 127.0.0.1:${port} uses maxmemory-policy allkeys-lru; BullMQ needs noeviction, ` +
        'or queued jobs can be evicted silently. Set it with `CONFIG SET maxmemory-policy ' +
        'noeviction` (and in redis.conf).',
    );
  });

  it('starts once the policy is noeviction', async () => {
    const admin = new Redis(redis.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      await expect(bootPolicyCheck(redis.url)).resolves.toBeUndefined();
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      admin.disconnect();
    }
  });

  it('fails fast, naming the address, when Redis is not there', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(bootPolicyCheck(`redis://127.0.0.1:${port}`)).rejects.toThrow(
      `Cannot connect to Redis at 127.0.0.1:${port} (REDIS_URL): connect ECONNREFUSED`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

const BOARD = '/admin/queues';
const PASSWORD = 'operators-only-0123456789abcdef';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const OPERATOR = basic('operator', PASSWORD);

/** What an unknown route answers: with no password set, the board must look exactly like one. */
const expectNotFound = (response: request.Response, path: string) => {
  expect(response.status).toBe(404);
  expect(response.body).toEqual({
    statusCode: 404,
    error: 'Not Found',
    message: `Cannot GET ${path}`,
    requestId: response.get('x-request-id'),
  });
};

describe('queue board with no operator password (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin } = await createCouncilWithPeople(t));
  });

  afterAll(() => t?.close());

  it.each([BOARD, `${BOARD}/api/queues`])('does not exist: %s is 404 to everyone', async (path) => {
    expectNotFound(await request(t.server).get(path), path);
    expectNotFound(await admin.as(request(t.server).get(path)), path);
    expectNotFound(await request(t.server).get(path).set('Authorization', OPERATOR), path);
  });
});

describe('queue board for operators (e2e)', () => {
  let t: TestApp;
  let council: Council;
  let admin: TestUser;
  let mailQueue: Queue;

  beforeAll(async () => {
    t = await createTestApp({ env: { QUEUE_BOARD_PASSWORD: PASSWORD } });
    ({ council, admin } = await createCouncilWithPeople(t));
    mailQueue = t.app.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
  });

  afterAll(() => t?.close());

  const asOperator = (req: request.Test) => req.set('Authorization', OPERATOR);

  it('shows the board and its API to an operator', async () => {
    const page = await asOperator(request(t.server).get(BOARD))
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(page.text).toContain('<title>followthrough queues</title>');
    expect(page.text).toContain(`<base href="${BOARD}/" />`);

    // Assets are served from under the board too (relative to <base>).
    const stylesheet = /href="(static\/css\/[^"]+\.css)"/.exec(page.text)?.[1];
    expect(stylesheet).toBeDefined();
    await asOperator(request(t.server).get(`${BOARD}/${stylesheet}`))
      .expect(200)
      .expect('content-type', /text\/css/);

    const api = await asOperator(request(t.server).get(`${BOARD}/api/queues`))
      .expect(200)
      .expect('content-type', /application\/json/);
    const queues = (api.body as { queues: { name: string; readOnlyMode: boolean }[] }).queues;
    expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
    expect(queues.every((queue) => queue.readOnlyMode)).toBe(true);
    // The board is its own Express app; it must not undo helmet's work.
    expect(api.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['content-security-policy']).toBeDefined();
  });

  it('asks for the operators’ sign-in, and refuses a wrong password', async () => {
    for (const authorization of [undefined, basic('operator', 'wrong'), basic('admin', PASSWORD)]) {
      const req = request(t.server).get(`${BOARD}/api/queues`);
      const response = await (authorization ? req.set('Authorization', authorization) : req);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe(
        'Basic realm="followthrough operators", charset="UTF-8"',
      );
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(JSON.stringify(response.body)).not.toContain('"queues"');
    }
  });

  it('is closed to every council account, admins included', async () => {
    const another = await createUser(t, council, { role: 'admin' });
    for (const user of [admin, another]) {
      await user.as(request(t.server).get(`${BOARD}/api/queues`)).expect(401);
      await user
        .as(request(t.server).put(`${BOARD}/api/queues/${QueueName.Mail}/pause`))
        .expect(401);
    }
    expect(await mailQueue.isPaused()).toBe(false);
  });

  it('is read-only: not even an operator can pause a queue every council shares', async () => {
    const response = await asOperator(
      request(t.server).put(`${BOARD}/api/queues/${QueueName.Mail}/pause`),
    ).expect(405);
    expect(response.body).toMatchObject({
      statusCode: 405,
      message: 'The queue board is read-only (QUEUE_BOARD_WRITABLE=false)',
    });
    expect(await mailQueue.isPaused()).toBe(false);
  });

  it('leaves other routes under /admin to Nest', async () => {
    const response = await asOperator(request(t.server).get(`${BOARD}/nope/at/all`));
    expectNotFound(response, `${BOARD}/nope/at/all`);
    // Nothing of the board's Express app leaks into later requests.
    await admin.as(request(t.server).get('/api/me')).expect(200);
  });
});

describe('queue board made writable by its operators (e2e)', () => {
  let t: TestApp;
  let mailQueue: Queue;

  beforeAll(async () => {
    t = await createTestApp({
      env: { QUEUE_BOARD_PASSWORD: PASSWORD, QUEUE_BOARD_WRITABLE: 'true' },
    });
    mailQueue = t.app.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
  });

  afterAll(() => t?.close());

  it('lets an operator pause and resume a queue', async () => {
    const pause = `${BOARD}/api/queues/${QueueName.Mail}/pause`;
    await request(t.server).put(pause).set('Authorization', OPERATOR).expect(200);
    expect(await mailQueue.isPaused()).toBe(true);
    await request(t.server)
      .put(`${BOARD}/api/queues/${QueueName.Mail}/resume`)
      .set('Authorization', OPERATOR)
      .expect(200);
    expect(await mailQueue.isPaused()).toBe(false);
  });
});
