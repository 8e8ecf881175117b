import { AppConfigModule } from '@app/config';
import { QueueName, RedisPolicyModule } from '@app/queue';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import type { Council } from '@app/councils';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp, testEnv } from '../support/app';

/** A port nothing listens on (for a moment: the caller uses it straight away). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port');
  return address.port;
}

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
const COOKIE = 'ft_queue_board';

describe('queue board (e2e)', () => {
  let t: TestApp;
  let council: Council;
  let admin: TestUser;
  let manager: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ({ council, admin, manager, staff } = await createCouncilWithPeople(t));
  });

  afterAll(() => t?.close());

  const get = (path: string, cookie?: string) => {
    const req = request(t.server).get(path);
    return cookie === undefined ? req : req.set('Cookie', `${COOKIE}=${cookie}`);
  };

  /** What an unknown route answers: the board must look exactly like one to outsiders. */
  const expectNotFound = (response: request.Response, path: string) => {
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `Cannot GET ${path}`,
      requestId: response.get('x-request-id'),
    });
  };

  /** Posts the session endpoint as `user`; returns the Set-Cookie header for the board. */
  async function openBoard(user: TestUser): Promise<string> {
    const response = await user.as(request(t.server).post(`${BOARD}/session`)).expect(204);
    const cookies = response.headers['set-cookie'] as unknown as string[];
    const cookie = cookies.find((value) => value.startsWith(`${COOKIE}=`));
    if (!cookie) throw new Error(`No ${COOKIE} cookie in ${JSON.stringify(cookies)}`);
    return cookie;
  }

  it('gives an admin an httpOnly, strict cookie for the board, lasting as long as the token', async () => {
    const cookie = await openBoard(admin);
    expect(cookie.split('; ')[0]).toBe(`${COOKIE}=${admin.token}`);
    expect(cookie).toContain(`Path=${BOARD}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // APP_URL is http://localhost:3000 in tests: a Secure cookie would never come back.
    expect(cookie).not.toContain('Secure');
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    const { exp } = JSON.parse(Buffer.from(admin.token.split('.')[1], 'base64url').toString()) as {
      exp: number;
    };
    expect(Math.abs(maxAge - (exp - Date.now() / 1000))).toBeLessThan(5);
  });

  it('shows the board and its API to an admin with the cookie', async () => {
    const page = await get(BOARD, admin.token)
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(page.text).toContain('<title>followthrough queues</title>');
    expect(page.text).toContain(`<base href="${BOARD}/" />`);

    // Assets are served from under the board too (relative to <base>).
    const stylesheet = /href="(static\/css\/[^"]+\.css)"/.exec(page.text)?.[1];
    expect(stylesheet).toBeDefined();
    await get(`${BOARD}/${stylesheet}`, admin.token)
      .expect(200)
      .expect('content-type', /text\/css/);

    const api = await get(`${BOARD}/api/queues`, admin.token)
      .expect(200)
      .expect('content-type', /application\/json/);
    const names = (api.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names.sort()).toEqual(Object.values(QueueName).sort());
    // The board is its own Express app; it must not undo helmet's work.
    expect(api.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['content-security-policy']).toBeDefined();
  });

  it('accepts an admin’s Bearer header instead of the cookie', async () => {
    await admin.as(request(t.server).get(`${BOARD}/api/queues`)).expect(200);
  });

  it('leaves other routes under /admin to Nest', async () => {
    const response = await get(`${BOARD}/nope/at/all`, admin.token);
    expectNotFound(response, `${BOARD}/nope/at/all`);
    // Nothing of the board's Express app leaks into later requests.
    await admin.as(request(t.server).get('/api/me')).expect(200);
  });

  it('refuses the session endpoint to managers and staff (403), and to nobody at all (401)', async () => {
    for (const user of [manager, staff]) {
      const response = await user.as(request(t.server).post(`${BOARD}/session`)).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    await request(t.server).post(`${BOARD}/session`).expect(401);
  });

  it.each([BOARD, `${BOARD}/`, `${BOARD}/api/queues`, `${BOARD}/queue/${QueueName.System}`])(
    'answers 404 for %s to anyone but an admin',
    async (path) => {
      expectNotFound(await get(path), path);
      for (const user of [manager, staff]) {
        expectNotFound(await get(path, user.token), path);
        expectNotFound(await user.as(request(t.server).get(path)), path);
      }
    },
  );

  it('answers 404 to a tampered or malformed cookie', async () => {
    const [header, payload, signature] = admin.token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expectNotFound(
      await get(`${BOARD}/api/queues`, `${header}.${payload}.${flipped}`),
      `${BOARD}/api/queues`,
    );

    // A manager's token with the role claim changed to admin: the signature no longer matches.
    const [mHeader, mPayload, mSignature] = manager.token.split('.');
    const claims = JSON.parse(Buffer.from(mPayload, 'base64url').toString()) as object;
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
      'base64url',
    );
    expectNotFound(
      await get(`${BOARD}/api/queues`, `${mHeader}.${promoted}.${mSignature}`),
      `${BOARD}/api/queues`,
    );

    expectNotFound(await get(`${BOARD}/api/queues`, 'not-a-token'), `${BOARD}/api/queues`);
    expectNotFound(await get(`${BOARD}/api/queues`, ''), `${BOARD}/api/queues`);
  });

  it('stops honouring the cookie once its session is logged out', async () => {
    const another = await createUser(t, council, { role: 'admin' });
    await openBoard(another);
    await get(`${BOARD}/api/queues`, another.token).expect(200);
    await another.as(request(t.server).post('/api/auth/logout')).expect(204);
    expectNotFound(await get(`${BOARD}/api/queues`, another.token), `${BOARD}/api/queues`);
  });

  it('clears the cookie on DELETE, for any logged-in user', async () => {
    for (const user of [admin, staff]) {
      const response = await user.as(request(t.server).delete(`${BOARD}/session`)).expect(204);
      const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(new RegExp(`^${COOKIE}=;`));
      expect(cookie).toContain(`Path=${BOARD}`);
      expect(cookie).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    }
    await request(t.server).delete(`${BOARD}/session`).expect(401);
  });
});
