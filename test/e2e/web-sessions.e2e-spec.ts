import { Session, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@app/auth';
import { JwtService } from '@nestjs/jwt';
import type { Server } from 'node:http';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { testRedisUrl } from '../support/redis';
import { MovableClock } from '../support/reminders';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { csrfOf, WebBrowser } from '../support/web';
import { nth } from '../support/items';

/** The Set-Cookie lines of a response. */
const setCookies = (res: Response): string[] =>
  (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];

/** The value a response gave cookie `name`, if it set one. */
function cookieSet(res: Response, name: string): string | undefined {
  const line = setCookies(res).find((cookie) => cookie.startsWith(`${name}=`));
  if (line === undefined) return undefined;
  return nth(line.split(';'), 0).slice(name.length + 1);
}

/**
 * A copy of `user`'s access token that expired a minute ago: what a browser holds when the
 * 15 minutes are up and its next page load has to renew the session with the refresh token.
 */
function expiredAccessToken(t: TestApp, user: TestUser): string {
  const jwt = new JwtService();
  const { sub, sid, cid, role } = jwt.decode<Record<string, unknown>>(user.token);
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sub, sid, cid, role, iat: now - 960, exp: now - 60 },
    {
      secret: t.env.JWT_SECRET ?? '',
      algorithm: 'HS256',
      audience: TOKEN_AUDIENCE,
      issuer: TOKEN_ISSUER,
    },
  );
}

const pageLoad = (server: Server, cookies: string) =>
  request(server).get('/').set('Accept', 'text/html').set('Cookie', cookies);

describe('web sessions (e2e): two tabs at once', () => {
  let t: TestApp;
  let clock: MovableClock;

  beforeAll(async () => {
    clock = new MovableClock(new Date().toISOString());
    t = await createTestApp({ clock });
  });

  afterAll(() => t?.close());

  const sessionOf = (user: TestUser) =>
    t.app.get(DataSource).getRepository(Session).findOneByOrFail({ userId: user.user.id });

  it('two page loads with an expired access token both stay signed in, and so does the session', async () => {
    const person = await createUser(t, await createCouncil(t));
    const cookies = `ft_access=${expiredAccessToken(t, person)}; ft_refresh=${person.refreshToken}`;

    const [first, second] = await Promise.all([
      pageLoad(t.server, cookies),
      pageLoad(t.server, cookies),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // The same new pair for both, not a third: whichever the browser keeps last is the live one.
    const renewed = cookieSet(first, 'ft_refresh');
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(person.refreshToken);
    expect(cookieSet(second, 'ft_refresh')).toBe(renewed);
    expect(cookieSet(second, 'ft_access')).toBe(cookieSet(first, 'ft_access'));

    // Both tabs carry on with the pair they were given, after the window too.
    clock.set(new Date(clock.now().getTime() + 5 * 60_000).toISOString());
    const next = `ft_access=${cookieSet(first, 'ft_access')}; ft_refresh=${renewed}`;
    await pageLoad(t.server, next).expect(200);
    expect(await sessionOf(person)).toMatchObject({ revokedAt: null });
  });

  it('the replaced refresh token after the window ends the session: a copy is being replayed', async () => {
    const person = await createUser(t, await createCouncil(t));
    const stale = `ft_refresh=${person.refreshToken}`;
    const renewedBy = await pageLoad(t.server, stale).expect(200);
    const renewed = `ft_access=${cookieSet(renewedBy, 'ft_access')}; ft_refresh=${cookieSet(renewedBy, 'ft_refresh')}`;

    clock.set(new Date(clock.now().getTime() + 31_000).toISOString());
    const replayed = await pageLoad(t.server, stale).expect(303);
    expect(replayed.headers.location).toBe('/sign-in?expired=1');
    expect(await sessionOf(person)).toMatchObject({ revokedReason: 'refresh_reuse' });
    // The holder of the new pair is signed out too.
    await pageLoad(t.server, renewed).expect(303);
  });
});

describe('web sessions (e2e): an outage is not a sign-out', () => {
  let t: TestApp;
  let postgres: TcpProxy;
  let redis: TcpProxy;

  beforeAll(async () => {
    const database = await createTestDatabase();
    postgres = await startTcpProxy(database.url);
    redis = await startTcpProxy(testRedisUrl());
    t = await createTestApp({
      database: { ...database, url: postgres.via(database.url) },
      env: { REDIS_URL: redis.via(testRedisUrl()) },
    });
  });

  afterAll(async () => {
    // Back up first, so the app can close its connections and the keys can be deleted.
    postgres?.restore();
    redis?.restore();
    await t?.close();
    await postgres?.close();
    await redis?.close();
  });

  /** The 503 page, with the request id to quote, and no cookie cleared or changed. */
  function expectApology(res: Response): void {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('Sorry, there is a problem with the service');
    expect(res.text).toContain('You have not been signed out');
    expect(res.text).toContain(String(res.headers['x-request-id']));
    const touched = setCookies(res).filter((cookie) => /^ft_(access|refresh)=/.test(cookie));
    expect(touched).toEqual([]);
  }

  it('a page load while the database is unreachable is a 503 page that keeps the session', async () => {
    const person = await createUser(t, await createCouncil(t));
    const signedIn = `ft_access=${person.token}; ft_refresh=${person.refreshToken}`;
    const renewing = `ft_access=${expiredAccessToken(t, person)}; ft_refresh=${person.refreshToken}`;
    await pageLoad(t.server, signedIn).expect(200);

    postgres.cut();
    try {
      expectApology(await pageLoad(t.server, signedIn));
      // Renewing an expired access token needs the database too: still no sign-out.
      expectApology(await pageLoad(t.server, renewing));
    } finally {
      postgres.restore();
    }

    await pageLoad(t.server, signedIn).expect(200);
    const renewed = await pageLoad(t.server, renewing).expect(200);
    expect(cookieSet(renewed, 'ft_refresh')).toBeDefined();
  });

  it('a password check while Redis is unreachable is a 503 page that keeps the session', async () => {
    const person = await createUser(t, await createCouncil(t));
    const browser = WebBrowser.as(t.server, person);
    const form = await browser.get('/settings');
    expect(form.status).toBe(200);

    redis.cut();
    let refused: Response;
    try {
      // Pages that do not need Redis carry on.
      expect((await browser.get('/')).status).toBe(200);
      // Checking a password needs the shared sign-in count, which lives in Redis.
      refused = await browser.post('/settings/password', {
        _csrf: csrfOf(form.text),
        currentPassword: person.password,
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      });
    } finally {
      redis.restore();
    }
    expectApology(refused);
    expect((await browser.get('/settings')).status).toBe(200);
  });
});

describe('web sessions (e2e): production', () => {
  let t: TestApp;

  beforeAll(async () => {
    // http, allowed explicitly: cookies must be Secure all the same.
    t = await createTestApp({
      env: {
        NODE_ENV: 'production',
        APP_URL: 'http://localhost:3000',
        ALLOW_HTTP_APP_URL: 'true',
      },
    });
  });

  afterAll(() => t?.close());

  it('marks every cookie Secure, whatever APP_URL says', async () => {
    const person = await createUser(t, await createCouncil(t));
    const page = await request(t.server).get('/sign-in').expect(200);
    // By hand: supertest's cookie jar, like a browser, keeps Secure cookies off plain http.
    const signedIn = await request(t.server)
      .post('/sign-in')
      .set('Cookie', `ft_csrf=${cookieSet(page, 'ft_csrf')}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), email: person.user.email, password: person.password })
      .expect(303);
    const cookies = [...setCookies(page), ...setCookies(signedIn)];
    expect(cookies.map((cookie) => cookie.split('=')[0]).sort()).toEqual([
      'ft_access',
      'ft_csrf',
      'ft_refresh',
    ]);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });
});
