import request from 'supertest';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';

describe('auth (e2e)', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await createUser(t, await createCouncil(t), { role: 'staff' });
  });

  afterAll(() => t?.close());

  it('logs in, shows /me, refreshes and logs out', async () => {
    const login = await request(t.server)
      .post('/auth/login')
      .send({ email: staff.user.email.toUpperCase(), password: staff.password })
      .expect(200);
    const body = login.body as {
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      user: { id: string };
    };
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    expect(body.user.id).toBe(staff.user.id);

    const me = await request(t.server)
      .get('/me')
      .set('Authorization', `Bearer ${body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id: staff.user.id, role: 'staff' });
    expect(me.body).not.toHaveProperty('passwordHash');

    const refreshed = await request(t.server)
      .post('/auth/refresh')
      .send({ refreshToken: body.refreshToken })
      .expect(200);
    const next = refreshed.body as { accessToken: string; refreshToken: string };
    expect(next.refreshToken).not.toBe(body.refreshToken);

    await request(t.server)
      .post('/auth/logout')
      .set('Authorization', `Bearer ${next.accessToken}`)
      .expect(204);
    await request(t.server)
      .get('/me')
      .set('Authorization', `Bearer ${next.accessToken}`)
      .expect(401);
    await request(t.server)
      .post('/auth/refresh')
      .send({ refreshToken: next.refreshToken })
      .expect(401);
  });

  it('answers 401 without a token', async () => {
    const res = await request(t.server).get('/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});
