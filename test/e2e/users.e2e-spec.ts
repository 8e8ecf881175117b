import request from 'supertest';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';

interface UserBody {
  id: string;
  councilId: string;
  email: string;
  name: string;
  role: string;
  team: string | null;
  lineManager: { id: string; name: string; email: string } | null;
  disabled: boolean;
  disabledAt: string | null;
}

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** An error body without the one part that differs on every request. */
const withoutRequestId = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => rest;
const PASSWORD = 'a long enough passphrase';

describe('users (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    // Several tests log in over HTTP; the login rate limit has its own tests in auth.e2e-spec.
    t = await createTestApp({
      env: { LOGIN_ATTEMPTS_PER_MINUTE: '1000', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000' },
    });
    home = await createCouncilWithPeople(t);
    away = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  /** A user nobody else's test depends on, for changes that end sessions. */
  const throwaway = (role: 'staff' | 'manager' | 'admin' = 'staff'): Promise<TestUser> =>
    createUser(t, home.council, { role, team: 'Scratch' });

  describe('GET /users', () => {
    it('lists only the caller’s council, sorted by name, without hashes', async () => {
      const res = await home.manager.as(request(t.server).get('/api/users')).expect(200);
      const users = res.body as UserBody[];
      expect(users.length).toBeGreaterThanOrEqual(4);
      expect(users.every((user) => user.councilId === home.council.id)).toBe(true);
      const ids = users.map((user) => user.id);
      expect(ids).toEqual(expect.arrayContaining([home.admin.user.id, home.staff.user.id]));
      expect(ids).not.toContain(away.admin.user.id);
      const names = users.map((user) => user.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
      const staff = users.find((user) => user.id === home.staff.user.id);
      expect(staff?.lineManager).toEqual({
        id: home.manager.user.id,
        name: home.manager.user.name,
        email: home.manager.user.email,
      });
    });

    it('another council’s manager sees only their own people', async () => {
      const res = await away.manager.as(request(t.server).get('/api/users')).expect(200);
      const users = res.body as UserBody[];
      expect(users.every((user) => user.councilId === away.council.id)).toBe(true);
      expect(users.map((user) => user.id)).not.toContain(home.staff.user.id);
    });

    it('admins may list too; staff get 403', async () => {
      await home.admin.as(request(t.server).get('/api/users')).expect(200);
      const res = await home.staff.as(request(t.server).get('/api/users')).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    });

    it('filters by team (any case) and role', async () => {
      const byTeam = await home.manager
        .as(request(t.server).get('/api/users').query({ team: 'children IN care' }))
        .expect(200);
      expect((byTeam.body as UserBody[]).map((user) => user.id)).toEqual([home.staff.user.id]);

      const byRole = await home.manager
        .as(request(t.server).get('/api/users').query({ role: 'admin' }))
        .expect(200);
      expect((byRole.body as UserBody[]).map((user) => user.id)).toEqual([home.admin.user.id]);
    });

    it('leaves disabled accounts out unless includeDisabled=true', async () => {
      const gone = await throwaway();
      await home.admin
        .as(request(t.server).patch(`/api/users/${gone.user.id}`))
        .send({ disabled: true })
        .expect(200);
      const active = await home.manager.as(request(t.server).get('/api/users')).expect(200);
      expect((active.body as UserBody[]).map((user) => user.id)).not.toContain(gone.user.id);
      const all = await home.manager
        .as(request(t.server).get('/api/users').query({ includeDisabled: 'true' }))
        .expect(200);
      expect((all.body as UserBody[]).find((user) => user.id === gone.user.id)).toMatchObject({
        disabled: true,
      });
    });

    it('answers 400 for unknown or invalid filters', async () => {
      for (const query of [{ role: 'owner' }, { includeDisabled: 'yes' }, { sort: 'name' }]) {
        const res = await home.manager.as(request(t.server).get('/api/users').query(query));
        expect(res.status).toBe(400);
      }
    });

    it('answers 401 without a token', async () => {
      await request(t.server).get('/api/users').expect(401);
    });
  });

  describe('GET /users/:id', () => {
    it('managers and admins see anyone in their council', async () => {
      for (const caller of [home.manager, home.admin]) {
        const res = await caller.as(request(t.server).get(`/api/users/${home.staff.user.id}`));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: home.staff.user.id,
          email: home.staff.user.email,
          role: 'staff',
          team: 'Children in care',
          disabled: false,
        });
        expect(res.body).not.toHaveProperty('passwordHash');
      }
    });

    it('staff see themselves but get 403 for a colleague', async () => {
      await home.staff.as(request(t.server).get(`/api/users/${home.staff.user.id}`)).expect(200);
      await home.staff
        .as(request(t.server).get(`/api/users/${home.otherStaff.user.id}`))
        .expect(403);
    });

    it('answers 404 for another council’s user, whatever the role', async () => {
      for (const caller of [home.admin, home.manager, home.staff]) {
        const res = await caller.as(request(t.server).get(`/api/users/${away.staff.user.id}`));
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, message: 'User not found' });
      }
      await home.admin.as(request(t.server).get(`/api/users/${NO_SUCH_ID}`)).expect(404);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      await home.admin.as(request(t.server).get('/api/users/42')).expect(400);
    });
  });

  describe('POST /users', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      email: `new.${Math.random().toString(36).slice(2)}@example.gov.uk`,
      name: '  Sam Okafor  ',
      role: 'staff',
      team: 'Front door',
      password: PASSWORD,
      ...overrides,
    });

    it('creates a user who can then log in', async () => {
      const input = body({ lineManagerId: home.manager.user.id });
      const res = await home.admin.as(request(t.server).post('/api/users')).send(input).expect(201);
      const created = res.body as UserBody;
      expect(created).toMatchObject({
        councilId: home.council.id,
        email: input.email,
        name: 'Sam Okafor',
        role: 'staff',
        team: 'Front door',
        lineManager: { id: home.manager.user.id },
        disabled: false,
      });
      expect(res.body).not.toHaveProperty('password');
      expect(res.body).not.toHaveProperty('passwordHash');

      const login = await request(t.server)
        .post('/api/auth/login')
        .send({ email: input.email, password: PASSWORD })
        .expect(200);
      expect((login.body as { user: { id: string } }).user.id).toBe(created.id);
    });

    it('answers 409 for an email already in use, in any case and any council', async () => {
      for (const email of [home.staff.user.email.toUpperCase(), away.staff.user.email]) {
        const res = await home.admin
          .as(request(t.server).post('/api/users'))
          .send(body({ email }))
          .expect(409);
        expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      }
    });

    it('never says that an email belongs to someone in another council', async () => {
      const answers = [];
      for (const email of [away.staff.user.email, home.staff.user.email]) {
        const res = await home.admin
          .as(request(t.server).post('/api/users'))
          .send(body({ email }))
          .expect(409);
        answers.push(withoutRequestId(res.body as Record<string, unknown>));
      }
      const [otherCouncil, thisCouncil] = answers;
      // The same answer as for an address in this council, claiming nothing about either.
      expect(otherCouncil).toEqual(thisCouncil);
      expect(JSON.stringify(otherCouncil)).not.toMatch(/exist|already|council|account/i);
      expect(JSON.stringify(otherCouncil)).not.toContain(away.staff.user.email);
      expect(otherCouncil).toMatchObject({ details: { field: 'email' } });
    });

    it('answers 404 for a line manager in another council', async () => {
      const res = await home.admin
        .as(request(t.server).post('/api/users'))
        .send(body({ lineManagerId: away.manager.user.id }))
        .expect(404);
      expect(res.body).toMatchObject({ message: 'Line manager not found' });
    });

    it('answers 403 to managers and staff', async () => {
      await home.manager.as(request(t.server).post('/api/users')).send(body()).expect(403);
      await home.staff.as(request(t.server).post('/api/users')).send(body()).expect(403);
    });

    it('answers 400 for bad input', async () => {
      const bad: Record<string, unknown>[] = [
        body({ isAdmin: true }),
        body({ email: 'not-an-email' }),
        body({ name: '   ' }),
        body({ role: 'owner' }),
        body({ lineManagerId: 'nope' }),
        body({ password: 'x'.repeat(11) }),
        body({ password: 'x'.repeat(129) }),
        body({ password: undefined }),
      ];
      for (const input of bad) {
        const res = await home.admin.as(request(t.server).post('/api/users')).send(input);
        expect({ input, status: res.status }).toEqual({ input, status: 400 });
      }
    });
  });

  describe('PATCH /me', () => {
    it('lets anyone choose every reminder or the weekly digest only', async () => {
      const res = await home.staff
        .as(request(t.server).patch('/api/me'))
        .send({ emailPreference: 'digest' })
        .expect(200);
      expect(res.body).toMatchObject({ id: home.staff.user.id, emailPreference: 'digest' });
      const me = await home.staff.as(request(t.server).get('/api/me')).expect(200);
      expect(me.body).toMatchObject({ emailPreference: 'digest' });
      await home.staff
        .as(request(t.server).patch('/api/me'))
        .send({ emailPreference: 'every' })
        .expect(200);
    });

    it.each([[{ emailPreference: 'never' }], [{}], [{ emailPreference: 'every', role: 'admin' }]])(
      'refuses %j with 400, changing nothing',
      async (body) => {
        const res = await home.staff.as(request(t.server).patch('/api/me')).send(body).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        const me = await home.staff.as(request(t.server).get('/api/me')).expect(200);
        expect(me.body).toMatchObject({ role: 'staff', emailPreference: 'every' });
      },
    );
  });

  describe('PATCH /users/:id', () => {
    it('changes name, email, role, team and line manager; null clears', async () => {
      const target = await throwaway();
      const email = `renamed.${target.user.id.slice(0, 8)}@example.gov.uk`;
      const res = await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({
          name: 'Renamed Person',
          email: email.toUpperCase(),
          role: 'manager',
          team: 'Quality',
          lineManagerId: home.manager.user.id,
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id: target.user.id,
        name: 'Renamed Person',
        email,
        role: 'manager',
        team: 'Quality',
        lineManager: { id: home.manager.user.id },
      });

      // The new role applies at once: the same token may now list users.
      await target.as(request(t.server).get('/api/users')).expect(200);

      const cleared = await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ team: null, lineManagerId: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ team: null, lineManager: null, role: 'manager' });
    });

    it('disabling ends every session at once; enabling lets the user log in again', async () => {
      const target = await throwaway();
      const second = await request(t.server)
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.password })
        .expect(200);
      const res = await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ disabled: true })
        .expect(200);
      expect(res.body).toMatchObject({ disabled: true, disabledAt: expect.any(String) as unknown });

      await target.as(request(t.server).get('/api/me')).expect(401);
      await request(t.server)
        .get('/api/me')
        .set('Authorization', `Bearer ${(second.body as { accessToken: string }).accessToken}`)
        .expect(401);
      await request(t.server)
        .post('/api/auth/refresh')
        .send({ refreshToken: target.refreshToken })
        .expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.password })
        .expect(401);

      const enabled = await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ disabled: false })
        .expect(200);
      expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null });
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.password })
        .expect(200);
    });

    it('a new password ends every session and replaces the old one', async () => {
      const target = await throwaway();
      const next = 'another long enough passphrase';
      await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ password: next })
        .expect(200);
      await target.as(request(t.server).get('/api/me')).expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: target.user.email, password: target.password })
        .expect(401);
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: target.user.email, password: next })
        .expect(200);
    });

    it('an admin cannot disable or demote themselves (400), and nothing changes', async () => {
      const admin = await throwaway('admin');
      for (const change of [{ disabled: true }, { role: 'manager' }, { role: 'staff' }]) {
        const res = await admin
          .as(request(t.server).patch(`/api/users/${admin.user.id}`))
          .send(change)
          .expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      const me = await admin.as(request(t.server).get('/api/me')).expect(200);
      expect(me.body).toMatchObject({ role: 'admin', disabled: false });
      // Other changes to oneself are fine, including restating the role.
      await admin
        .as(request(t.server).patch(`/api/users/${admin.user.id}`))
        .send({ name: 'Still An Admin', role: 'admin', disabled: false })
        .expect(200);
    });

    it('another admin can demote an admin', async () => {
      const other = await throwaway('admin');
      const res = await home.admin
        .as(request(t.server).patch(`/api/users/${other.user.id}`))
        .send({ role: 'staff' })
        .expect(200);
      expect(res.body).toMatchObject({ role: 'staff' });
      await other.as(request(t.server).post('/api/users')).send({}).expect(403);
    });

    it('answers 409 for an email in use, 400 for being one’s own line manager', async () => {
      const target = await throwaway();
      await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ email: away.admin.user.email })
        .expect(409);
      await home.admin
        .as(request(t.server).patch(`/api/users/${target.user.id}`))
        .send({ lineManagerId: target.user.id })
        .expect(400);
    });

    it('renaming to an email in another council says no more than for this council', async () => {
      const target = await throwaway();
      const rename = async (email: string) =>
        withoutRequestId(
          (
            await home.admin
              .as(request(t.server).patch(`/api/users/${target.user.id}`))
              .send({ email })
              .expect(409)
          ).body as Record<string, unknown>,
        );
      const otherCouncil = await rename(away.manager.user.email);
      expect(otherCouncil).toEqual(await rename(home.manager.user.email));
      expect(JSON.stringify(otherCouncil)).not.toMatch(/exist|already|council|account/i);
    });

    it('refuses a line manager who reports, directly or not, to the person (400)', async () => {
      const [top, middle, bottom] = [await throwaway(), await throwaway(), await throwaway()];
      const manage = (report: typeof top, manager: typeof top) =>
        home.admin
          .as(request(t.server).patch(`/api/users/${report.user.id}`))
          .send({ lineManagerId: manager.user.id });
      await manage(middle, top).expect(200);
      await manage(bottom, middle).expect(200);
      const loop = await manage(top, bottom).expect(400);
      expect(loop.body).toMatchObject({
        message: `${top.user.name} cannot be managed by ${bottom.user.name}, who reports to them`,
        // Which field was wrong, for forms and API clients alike.
        details: { field: 'lineManagerId' },
      });
      await manage(top, middle).expect(400);
      // Clearing the line and setting it again the other way round is fine.
      await home.admin
        .as(request(t.server).patch(`/api/users/${bottom.user.id}`))
        .send({ lineManagerId: null })
        .expect(200);
      await manage(top, bottom).expect(200);
    });

    it('answers 404 for another council’s user or line manager', async () => {
      await home.admin
        .as(request(t.server).patch(`/api/users/${away.staff.user.id}`))
        .send({ name: 'Hijacked' })
        .expect(404);
      await home.admin
        .as(request(t.server).patch(`/api/users/${home.staff.user.id}`))
        .send({ lineManagerId: away.manager.user.id })
        .expect(404);
      const untouched = await away.admin
        .as(request(t.server).get(`/api/users/${away.staff.user.id}`))
        .expect(200);
      expect((untouched.body as UserBody).name).toBe(away.staff.user.name);
    });

    it('answers 403 to managers and staff', async () => {
      await home.manager
        .as(request(t.server).patch(`/api/users/${home.staff.user.id}`))
        .send({ name: 'Nope' })
        .expect(403);
      await home.staff
        .as(request(t.server).patch(`/api/users/${home.staff.user.id}`))
        .send({ role: 'admin' })
        .expect(403);
    });

    it('answers 400 for unknown fields, nulls on required fields, bad values and bad ids', async () => {
      const id = home.staff.user.id;
      for (const change of [
        { councilId: away.council.id },
        { passwordHash: 'x' },
        { name: null },
        { email: null },
        { role: null },
        { disabled: 'yes' },
        { password: 'short' },
        { lineManagerId: 'nope' },
      ]) {
        const res = await home.admin.as(request(t.server).patch(`/api/users/${id}`)).send(change);
        expect({ change, status: res.status }).toEqual({ change, status: 400 });
      }
      await home.admin.as(request(t.server).patch('/api/users/42')).send({ name: 'x' }).expect(400);
    });
  });

  it('documents the user and council routes with their schemas', async () => {
    const res = await request(t.server).get('/api/docs-json').expect(200);
    const document = res.body as {
      paths: Record<
        '/api/users' | '/api/users/{id}' | '/api/council',
        Record<'get' | 'post' | 'patch', { responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths['/api/users'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(document.paths['/api/users/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
    expect(Object.keys(document.paths['/api/council'])).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
    expect(Object.keys(document.paths['/api/users/{id}'].patch.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'UserDto',
        'CreateUserDto',
        'UpdateUserDto',
        'CouncilDto',
        'UpdateCouncilDto',
      ]),
    );
  });
});
