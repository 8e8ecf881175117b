import request, { type Response } from 'supertest';
import { createCouncilWithPeople } from '../factories/people';
import { type AppProcess, startApiProcess } from '../support/app-process';
import { createTestApp, type TestApp } from '../support/app';
import { freePort } from '../support/ports';
import { apiAttempt, pageAttempt } from '../support/sign-in';

type ApiProcess = AppProcess & { url: string };

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Two cold starts through ts-node on a shared machine. */
const START_TIMEOUT_MS = 180_000;

const cookieOf = (res: Response, name: string): string | undefined =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? [])
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0];

/**
 * Two real API processes (A and B) on one Postgres and one Redis, as a deployment behind a
 * load balancer runs them: nothing a person does may depend on which one answers.
 */
describe('two API processes (e2e)', () => {
  let t: TestApp;
  let a: ApiProcess;
  let b: ApiProcess;
  // Started beside A and B (cold starts are slow), to show what production refuses.
  let refused: ApiProcess;
  let people: Awaited<ReturnType<typeof createCouncilWithPeople>>;

  beforeAll(async () => {
    refused = startApiProcess(
      {
        NODE_ENV: 'production',
        APP_URL: 'http://actions.example.gov.uk',
        // Valid otherwise; nothing is reached before the environment is checked.
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
        SMTP_URL: 'smtp://127.0.0.1:9',
      },
      await freePort(),
    );
    // In-process, only to create people with the factories; A and B are the processes under test.
    t = await createTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
    people = await createCouncilWithPeople(t);
    const env = { ...t.env, LOG_LEVEL: 'info' };
    [a, b] = [startApiProcess(env, await freePort()), startApiProcess(env, await freePort())];
    await Promise.all([a.ready, b.ready]);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), refused?.stop()]);
    await t?.close();
  });

  const me = (api: ApiProcess, token: string) =>
    request(api.url).get('/api/me').set('Authorization', `Bearer ${token}`);

  const refresh = (api: ApiProcess, refreshToken: string) =>
    request(api.url).post('/api/auth/refresh').send({ refreshToken });

  it('a session started on A works on B, and logging out on B ends it on A', async () => {
    const { email } = people.staff.user;
    const login = await apiAttempt(a.url, '10.40.0.1', email, people.staff.password);
    expect(login.status).toBe(200);
    const tokens = login.body as Tokens;
    await me(b, tokens.accessToken).expect(200);

    // The page door too: signed in on A's sign-in page, My actions on B.
    const signedIn = await pageAttempt(a.url, '10.40.0.2', email, people.staff.password);
    expect(signedIn.status).toBe(303);
    const cookies = [cookieOf(signedIn, 'ft_access'), cookieOf(signedIn, 'ft_refresh')].join('; ');
    const page = await request(b.url).get('/').set('Cookie', cookies).expect(200);
    expect(page.text).toContain('My actions');

    await request(b.url)
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .expect(204);
    await me(a, tokens.accessToken).expect(401);
  });

  it('a refresh on A, then the same token on B within the window, gives the same pair', async () => {
    const login = await apiAttempt(
      a.url,
      '10.41.0.1',
      people.manager.user.email,
      people.manager.password,
    );
    const { refreshToken } = login.body as Tokens;
    const onA = (await refresh(a, refreshToken).expect(200)).body as Tokens;
    const onB = (await refresh(b, refreshToken).expect(200)).body as Tokens;
    expect(onB.refreshToken).toBe(onA.refreshToken);
    expect(onB.accessToken).toBe(onA.accessToken);
    await me(a, onB.accessToken).expect(200);

    // Two tabs at once, one request to each process: one pair, and the session lives on.
    const [first, second] = await Promise.all([
      refresh(a, onA.refreshToken),
      refresh(b, onA.refreshToken),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((first.body as Tokens).refreshToken).toBe((second.body as Tokens).refreshToken);
    await refresh(b, (first.body as Tokens).refreshToken).expect(200);
  });

  it('counts sign-in guesses across A and B, and across the API and the page', async () => {
    const { email } = people.otherStaff.user;
    // Five guesses, the limit, split between the processes and the doors.
    const guesses: Array<[string, Response]> = [
      ['A api', await apiAttempt(a.url, '10.42.0.1', email, 'wrong password')],
      ['B page', await pageAttempt(b.url, '10.42.0.2', email, 'wrong password')],
      ['B api', await apiAttempt(b.url, '10.42.0.3', email, 'wrong password')],
      ['A page', await pageAttempt(a.url, '10.42.0.4', email, 'wrong password')],
      ['B api', await apiAttempt(b.url, '10.42.0.5', email, 'wrong password')],
    ];
    expect(guesses.map(([door, res]) => [door, res.status])).toEqual([
      ['A api', 401],
      ['B page', 400],
      ['B api', 401],
      ['A page', 400],
      ['B api', 401],
    ]);
    // The sixth, with the right password, on either process and at either door.
    const password = people.otherStaff.password;
    expect((await apiAttempt(a.url, '10.42.0.6', email, password)).status).toBe(429);
    expect((await pageAttempt(b.url, '10.42.0.7', email, password)).status).toBe(429);

    // Per address: 20 guesses split between A and B, then even a real account waits there.
    const ip = '10.43.0.1';
    for (let i = 1; i <= 20; i++) {
      const api = i % 2 === 0 ? a : b;
      const res = await apiAttempt(api.url, ip, `nobody${i}@example.gov.uk`, 'wrong password');
      expect(res.status).toBe(401);
    }
    const adminEmail = people.admin.user.email;
    const adminPassword = people.admin.password;
    expect((await apiAttempt(a.url, ip, adminEmail, adminPassword)).status).toBe(429);
    expect((await pageAttempt(b.url, ip, adminEmail, adminPassword)).status).toBe(429);
    expect((await apiAttempt(b.url, '10.43.0.2', adminEmail, adminPassword)).status).toBe(200);
  });

  it('does not start in production with an http APP_URL, and says what to do in one line', async () => {
    const started = await refused.ready.then(
      () => true,
      () => false,
    );
    expect(started).toBe(false);
    expect((await refused.exited).code).toBe(1);
    expect(refused.output()).toContain(
      'Invalid environment: APP_URL must be an https:// address when NODE_ENV=production',
    );
    expect(refused.output()).toContain('ALLOW_HTTP_APP_URL=true');
  });
});
