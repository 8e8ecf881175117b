import request from 'supertest';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { type AppProcess, startApiProcess } from '../support/app-process';
import {
  flood,
  kernelSocketBuffers,
  multipartFields,
  multipartFieldsLength,
  repeated,
} from '../support/flood';
import { freePort } from '../support/ports';
import { residentMemory } from '../support/process-memory';
import { csrfOf } from '../support/web';

const MB = 1024 * 1024;
const BOUNDARY = 'flood-boundary-7MA4YWxkTrZu0gW';
/**
 * After a refusal the API reads no more of the body and hangs up a second later: a flood gets
 * out only what the sockets between them buffer (the kernel's, plus a few megabytes in Node's
 * streams). What the API itself reads is in refused-body.e2e-spec.ts; its memory is below.
 */
const UNREAD_CAP = kernelSocketBuffers() + 8 * MB;
const multipart = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/**
 * Hostile bodies against the real API in a process of its own, so its memory is read from the
 * kernel (peak resident set) rather than guessed from this test's heap. Every body is streamed
 * from a generator and stopped when the API answers: the test never holds one.
 */
describe('hostile request bodies (e2e, API process)', () => {
  let t: TestApp;
  let api: AppProcess;
  let base: string;
  let admin: TestUser;
  let manager: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    // This app only sets up the council and signs people in; the floods go to the process.
    t = await createTestApp();
    ({ admin, manager, staff } = await createCouncilWithPeople(t));
    const started = startApiProcess({ ...t.env, LOG_LEVEL: 'info' }, await freePort());
    api = started;
    await api.ready;
    base = started.url;
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    await t?.close();
  });

  const peakGrowth = (before: number) => residentMemory(api.child.pid ?? 0).peak - before;
  const cookiesFor = (user: TestUser) => `ft_access=${user.token}; ft_refresh=${user.refreshToken}`;

  it('refuses an unauthenticated 4 × 600 MB form flood on the import page at once, holding no memory', async () => {
    const before = residentMemory(api.child.pid ?? 0).peak;
    // Chunked, so no Content-Length lets the API refuse by the header: the session must.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        flood(`${base}/inspections/import`, {
          headers: multipart,
          body: multipartFields(BOUNDARY, 600, MB),
        }),
      ),
    );
    for (const result of results) {
      // A page without a session sends the browser to sign in.
      expect(result.status).toBe(303);
      expect(result.bytesSent).toBeLessThan(UNREAD_CAP);
      expect(result.ms).toBeLessThan(10_000);
    }
    expect(peakGrowth(before)).toBeLessThan(64 * MB);
    await request(base).get('/health/live').expect(200);
  });

  it('hangs up on a flood that goes on after its refusal', async () => {
    const result = await flood(`${base}/inspections/import`, {
      headers: multipart,
      body: multipartFields(BOUNDARY, 600, MB),
      ignoreAnswer: true,
    });
    expect(result.status).toBe(303);
    expect(result.bytesSent).toBeLessThan(UNREAD_CAP);
  });

  it.each([
    ['a manager’s upload without its CSRF token', 'manager', false],
    ['staff’s upload to the import page (a manager’s page)', 'staff', true],
  ] as const)('refuses %s before reading it', async (_case, who, withToken) => {
    const user = who === 'manager' ? manager : staff;
    const page = await request(base).get('/').set('Cookie', cookiesFor(user)).expect(200);
    const query = withToken ? `?_csrf=${encodeURIComponent(csrfOf(page.text))}` : '';
    const result = await flood(`${base}/inspections/import${query}`, {
      headers: { ...multipart, cookie: cookiesFor(user) },
      // 1 MB of a declared 20 MB, then nothing more: only a refusal before reading answers.
      body: multipartFields(BOUNDARY, 1, MB),
      contentLength: multipartFieldsLength(BOUNDARY, 20, MB),
      holdOpen: true,
      timeoutMs: 10_000,
    });
    expect(result.status).toBe(403);
  });

  it('refuses a manager’s declared 600 MB upload by its length, and an undeclared one', async () => {
    const declared = multipartFieldsLength(BOUNDARY, 600, MB);
    const tooLong = await flood(`${base}/api/inspections`, {
      headers: { ...multipart, authorization: `Bearer ${manager.token}` },
      body: multipartFields(BOUNDARY, 600, MB),
      contentLength: declared,
    });
    expect(tooLong.status).toBe(413);
    expect(tooLong.bytesSent).toBeLessThan(UNREAD_CAP);
    expect(JSON.parse(tooLong.body)).toMatchObject({
      statusCode: 413,
      message: 'Request body too large: this address accepts up to 22 MB',
    });

    const chunked = await flood(`${base}/api/inspections`, {
      headers: { ...multipart, authorization: `Bearer ${manager.token}` },
      body: multipartFields(BOUNDARY, 600, MB),
    });
    expect(chunked.status).toBe(411);
    expect(chunked.bytesSent).toBeLessThan(UNREAD_CAP);
  });

  it('stops a manager’s upload of many fields at multer’s limits', async () => {
    // Under the byte limit, but thousands of parts where the route takes a file and a token.
    const declared = multipartFieldsLength(BOUNDARY, 20_000, 100);
    const result = await flood(`${base}/api/inspections`, {
      headers: { ...multipart, authorization: `Bearer ${manager.token}` },
      body: multipartFields(BOUNDARY, 20_000, 100),
      contentLength: declared,
    });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ statusCode: 400, message: 'Too many fields' });
  });

  it('refuses a 20 MB JSON body to a public route at once, and the API stays responsive', async () => {
    const health = request(base).get('/health/live');
    const [declared, chunked] = await Promise.all([
      flood(`${base}/api/auth/refresh`, {
        headers: { 'content-type': 'application/json' },
        body: repeated(320, 64 * 1024),
        contentLength: 20 * MB,
      }),
      flood(`${base}/api/auth/refresh`, {
        headers: { 'content-type': 'application/json' },
        body: repeated(320, 64 * 1024),
      }),
    ]);
    for (const result of [declared, chunked]) {
      expect(result.status).toBe(413);
      expect(result.ms).toBeLessThan(5_000);
      expect(JSON.parse(result.body)).toMatchObject({
        message: 'Request body too large: this address accepts up to 100 KB',
      });
    }
    const started = Date.now();
    await health.expect(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a flood of the single sign-on settings before reading it, by the API and the page', async () => {
    const json = { 'content-type': 'application/json' };
    // Nobody signed in: refused before a byte is read, even chunked.
    const anonymous = await flood(`${base}/api/council/sso`, {
      method: 'PUT',
      headers: json,
      body: repeated(320, 64 * 1024),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.bytesSent).toBeLessThan(UNREAD_CAP);
    // An admin's declared 20 MB: refused by its length, against the route's own 8 KB.
    const declared = await flood(`${base}/api/council/sso`, {
      method: 'PUT',
      headers: { ...json, authorization: `Bearer ${admin.token}` },
      body: repeated(320, 64 * 1024),
      contentLength: 20 * MB,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({
      message: 'Request body too large: this address accepts up to 8 KB',
    });
    // Staff, to the admin page's form, 1 MB of a declared 20: the role refuses it unread.
    const page = await flood(`${base}/admin/council/sso`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesFor(staff) },
      body: repeated(16, 64 * 1024),
      contentLength: 20 * MB,
      holdOpen: true,
      timeoutMs: 10_000,
    });
    expect(page.status).toBe(403);
    await request(base).get('/health/live').expect(200);
  });

  it('refuses unknown fields without walking them', async () => {
    // Just under the limit: a large array in a field the route does not take.
    const junk = JSON.stringify({
      refreshToken: 'x'.repeat(40),
      junk: Array.from({ length: 20_000 }, () => 1),
    });
    const response = await request(base)
      .post('/api/auth/refresh')
      .set('content-type', 'application/json')
      .send(junk)
      .expect(400);
    expect(response.body).toMatchObject({ message: 'property junk should not exist' });
  });

  it('refuses a body in a form the route does not take, and an upload where none is taken', async () => {
    await request(base)
      .post('/api/auth/login')
      .set('content-type', 'text/plain')
      .send('email=a&password=b')
      .expect(415);
    const upload = await request(base)
      .post('/api/auth/login')
      .attach('file', Buffer.from('hello'), 'hello.txt')
      .expect(415);
    expect(upload.body).toMatchObject({ message: 'This address does not accept file uploads' });
  });
});
