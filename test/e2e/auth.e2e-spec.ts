import { Session, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@app/auth';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  createCouncil,
  createCouncilWithPeople,
  createUser,
  type TestUser,
} from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { MovableClock } from '../support/reminders';
import { nth } from '../support/items';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string };
}

interface Claims {
  sub: string;
  sid: string;
  cid: string;
  role: string;
}

const LOGIN_FAILED = 'Email or password is incorrect';

const base64url = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth (e2e)', () => {
  let t: TestApp;
  let staff: TestUser;
  // Sessions live by this clock (access tokens by the real one), so a test can step past the
  // refresh grace window without waiting for it.
  let clock: MovableClock;

  beforeAll(async () => {
    clock = new MovableClock(new Date().toISOString());
    // Many logins over HTTP here; the limit itself is tested below on an app of its own.
    t = await createTestApp({
      clock,
      env: { LOGIN_ATTEMPTS_PER_MINUTE: '1000', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000' },
    });
    staff = await createUser(t, await createCouncil(t), { role: 'staff' });
  });

  afterAll(() => t?.close());

  const login = (email: string, password: string) =>
    request(t.server).post('/api/auth/login').send({ email, password });

  const me = (token: string) =>
    request(t.server).get('/api/me').set('Authorization', `Bearer ${token}`);

  it('logs in, shows /me, refreshes and logs out', async () => {
    const res = await login(staff.user.email.toUpperCase(), staff.password).expect(200);
    const body = res.body as Tokens;
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    expect(body.user.id).toBe(staff.user.id);

    const shown = await me(body.accessToken).expect(200);
    expect(shown.body).toMatchObject({ id: staff.user.id, role: 'staff' });
    expect(shown.body).not.toHaveProperty('passwordHash');

    const refreshed = await request(t.server)
      .post('/api/auth/refresh')
      .send({ refreshToken: body.refreshToken })
      .expect(200);
    const next = refreshed.body as Tokens;
    expect(next.refreshToken).not.toBe(body.refreshToken);

    await request(t.server)
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${next.accessToken}`)
      .expect(204);
    await me(next.accessToken).expect(401);
    await request(t.server)
      .post('/api/auth/refresh')
      .send({ refreshToken: next.refreshToken })
      .expect(401);
  });

  it('answers 401 without a token, or with a malformed one', async () => {
    const res = await request(t.server).get('/api/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await request(t.server).get('/api/me').set('Authorization', staff.token).expect(401);
    await request(t.server).get('/api/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrong = await login(staff.user.email, 'not the right password').expect(401);
    const unknown = await login('nobody.at.all@example.gov.uk', staff.password).expect(401);
    const withoutRequestId = (body: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'requestId'));
    const wrongBody = withoutRequestId(wrong.body as Record<string, unknown>);
    const unknownBody = withoutRequestId(unknown.body as Record<string, unknown>);
    expect(wrongBody).toEqual({ statusCode: 401, error: 'Unauthorized', message: LOGIN_FAILED });
    expect(unknownBody).toEqual(wrongBody);
  });

  const refresh = (refreshToken: string) =>
    request(t.server).post('/api/auth/refresh').send({ refreshToken });

  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

  it('gives the same new pair, not a third, for the replaced token within 30 s (two tabs)', async () => {
    const user = await createUser(t, await createCouncil(t));
    const first = (await refresh(user.refreshToken).expect(200)).body as Tokens;
    later(20_000);
    const again = (await refresh(user.refreshToken).expect(200)).body as Tokens;
    expect(again.refreshToken).toBe(first.refreshToken);
    expect(again.accessToken).toBe(first.accessToken);
    expect(again.expiresIn).toBeLessThanOrEqual(first.expiresIn);
    await me(first.accessToken).expect(200);
    // And the pair goes on rotating as usual.
    const next = (await refresh(first.refreshToken).expect(200)).body as Tokens;
    await me(next.accessToken).expect(200);
  });

  it('gives concurrent refreshes with one token one pair, and the session lives on', async () => {
    const user = await createUser(t, await createCouncil(t));
    const results = await Promise.all(Array.from({ length: 4 }, () => refresh(user.refreshToken)));
    expect(results.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const pairs = new Set(
      results.map(({ body }) => `${(body as Tokens).accessToken} ${(body as Tokens).refreshToken}`),
    );
    expect(pairs.size).toBe(1);
    const { refreshToken } = nth(results, 0).body as Tokens;
    await refresh(refreshToken).expect(200);
    const sessions = await t.app
      .get(DataSource)
      .getRepository(Session)
      .findBy({ userId: user.user.id });
    expect(sessions.map((session) => session.revokedAt)).toEqual([null]);
  });

  it('replaying a rotated refresh token after the window ends the session, new tokens included', async () => {
    const user = await createUser(t, await createCouncil(t));
    const rotated = await refresh(user.refreshToken).expect(200);
    const next = rotated.body as Tokens;
    await me(next.accessToken).expect(200);

    // The old token again, long after its tab would have used it: someone else holds a copy.
    later(31_000);
    await refresh(user.refreshToken).expect(401);

    await refresh(next.refreshToken).expect(401);
    await me(next.accessToken).expect(401);
    await me(user.token).expect(401);
    const sessions = await t.app
      .get(DataSource)
      .getRepository(Session)
      .findBy({ userId: user.user.id });
    expect(sessions.map((session) => session.revokedReason)).toEqual(['refresh_reuse']);
  });

  it('refuses the replaced token within the window once the session has ended', async () => {
    const user = await createUser(t, await createCouncil(t));
    const next = (await refresh(user.refreshToken).expect(200)).body as Tokens;
    await request(t.server)
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${next.accessToken}`)
      .expect(204);
    await refresh(user.refreshToken).expect(401);
  });

  it('a disabled user’s token stops working and they cannot log in', async () => {
    const { admin, staff: victim } = await createCouncilWithPeople(t);
    await me(victim.token).expect(200);
    await admin
      .as(request(t.server).patch(`/api/users/${victim.user.id}`))
      .send({ disabled: true })
      .expect(200);
    await me(victim.token).expect(401);
    const res = await login(victim.user.email, victim.password).expect(401);
    // Same answer as a wrong password: a disabled account is not confirmed to exist.
    expect(res.body).toMatchObject({ message: LOGIN_FAILED });
  });

  describe('access tokens', () => {
    let claims: Claims;

    beforeAll(() => {
      const decoded = new JwtService().decode<Claims & Record<string, unknown>>(staff.token);
      claims = { sub: decoded.sub, sid: decoded.sid, cid: decoded.cid, role: decoded.role };
    });

    const secret = (): string => t.env.JWT_SECRET ?? '';
    const sign = (options: {
      secret?: string;
      algorithm?: 'HS256' | 'HS512';
      audience?: string;
      issuer?: string;
      exp?: number;
    }): string =>
      new JwtService().sign(
        { ...claims, exp: options.exp ?? Math.floor(Date.now() / 1000) + 300 },
        {
          secret: options.secret ?? secret(),
          algorithm: options.algorithm ?? 'HS256',
          audience: options.audience ?? TOKEN_AUDIENCE,
          issuer: options.issuer ?? TOKEN_ISSUER,
        },
      );

    it('accepts a token forged with the real secret and claims (so the checks below mean something)', async () => {
      await me(sign({})).expect(200);
    });

    it.each([
      ['signed with another secret', { secret: 'another-secret-that-is-long-enough-0123456789' }],
      ['signed with HS512 (not on the allowlist)', { algorithm: 'HS512' as const }],
      ['for another audience', { audience: 'some-other-api' }],
      ['from another issuer', { issuer: 'someone-else' }],
      ['expired', { exp: Math.floor(Date.now() / 1000) - 5 }],
    ])('rejects a token %s', async (_case, options) => {
      const res = await me(sign(options)).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('rejects alg "none", signed or not', async () => {
      const header = base64url({ alg: 'none', typ: 'JWT' });
      const payload = base64url({
        ...claims,
        aud: TOKEN_AUDIENCE,
        iss: TOKEN_ISSUER,
        exp: Math.floor(Date.now() / 1000) + 300,
      });
      await me(`${header}.${payload}.`).expect(401);
      await me(`${header}.${payload}.c2lnbmF0dXJl`).expect(401);
    });
  });

  it('sends helmet’s security headers and no x-powered-by', async () => {
    const res = await request(t.server).get('/health/live');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });
});

describe('auth rate limits (e2e)', () => {
  const LIMIT = 3;
  let t: TestApp;
  let people: Awaited<ReturnType<typeof createCouncilWithPeople>>;

  beforeAll(async () => {
    // One proxy hop trusted, so each test can come from its own X-Forwarded-For address.
    t = await createTestApp({
      env: {
        LOGIN_ATTEMPTS_PER_MINUTE: String(LIMIT),
        LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: String(LIMIT),
        TRUST_PROXY_HOPS: '1',
      },
    });
    people = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  const login = (ip: string, email: string, password: string) =>
    request(t.server).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  const expectTooMany = (res: request.Response) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many attempts; wait a minute and try again',
      requestId: res.headers['x-request-id'],
    });
  };

  it('limits attempts per account, from any address and in any case', async () => {
    const { email } = people.staff.user;
    for (let i = 1; i <= LIMIT; i++) {
      const ip = `10.1.0.${i}`;
      await login(ip, i % 2 ? email : email.toUpperCase(), 'wrong password').expect(401);
    }
    // Even the right password, from a fresh address, waits now.
    expectTooMany(await login('10.1.0.99', email, people.staff.password));
    // Someone else is not held up.
    await login('10.1.0.100', people.manager.user.email, people.manager.password).expect(200);
  });

  it('limits attempts per address, across different emails', async () => {
    const ip = '10.2.0.1';
    for (let i = 1; i <= LIMIT; i++) {
      await login(ip, `nobody${i}@example.gov.uk`, 'wrong password').expect(401);
    }
    expectTooMany(await login(ip, people.otherStaff.user.email, people.otherStaff.password));
    await login('10.2.0.2', people.otherStaff.user.email, people.otherStaff.password).expect(200);
  });

  it('does not limit refresh or logout', async () => {
    const ip = '10.3.0.1';
    const users = await Promise.all(
      Array.from({ length: LIMIT + 1 }, () => createUser(t, people.council)),
    );
    for (const user of users) {
      await request(t.server)
        .post('/api/auth/refresh')
        .set('X-Forwarded-For', ip)
        .send({ refreshToken: user.refreshToken })
        .expect(200);
    }
    for (const user of users) {
      await request(t.server)
        .post('/api/auth/logout')
        .set('X-Forwarded-For', ip)
        .set('Authorization', `Bearer ${user.token}`)
        .expect(204);
    }
    // And they did not use up this address's logins.
    await login(ip, people.admin.user.email, people.admin.password).expect(200);
  });
});
