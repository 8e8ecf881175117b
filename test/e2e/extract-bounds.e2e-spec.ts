import request from 'supertest';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { buildDeflateBombPdf, buildManyPagePdf } from '../support/large-pdf';
import { csrfOf } from '../support/web';

// Parser threads load the parser through ts-node first: seconds each on a busy machine.
jest.setTimeout(90_000);

const smallReport = { text: 'Areas for improvement\n\n- review plans\n' };

interface Timed {
  status: number;
  body: { message?: string; recommendations?: unknown[] };
  /** Milliseconds from `since` to the answer. */
  ms: number;
}

/** The two councils' managers, and POST /api/extract as either. */
async function twoCouncils(t: TestApp): Promise<[TestUser, TestUser]> {
  const a = await createUser(t, await createCouncil(t), { role: 'manager' });
  const b = await createUser(t, await createCouncil(t), { role: 'manager' });
  return [a, b];
}

function extract(t: TestApp, user: TestUser, input: Uint8Array | object, since = Date.now()) {
  const post = user.as(request(t.server).post('/api/extract'));
  const sent =
    input instanceof Uint8Array
      ? post.attach('file', Buffer.from(input), {
          filename: 'r.pdf',
          contentType: 'application/pdf',
        })
      : post.send(input);
  return sent.then((res): Timed => ({
    status: res.status,
    body: res.body as Timed['body'],
    ms: Date.now() - since,
  }));
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('POST /extract within bounds (e2e)', () => {
  describe('with the default limits (two threads, 500 pages, 256 MB)', () => {
    let t: TestApp;
    let a: TestUser;
    let b: TestUser;

    beforeAll(async () => {
      t = await createTestApp();
      [a, b] = await twoCouncils(t);
      // Both threads started, so thread start-up does not decide who answers first below.
      await Promise.all([extract(t, a, smallReport), extract(t, b, smallReport)]);
    });

    afterAll(() => t?.close());

    it("refuses a 10,000-page PDF before reading its pages, while another council's report is read", async () => {
      const pdf = await buildManyPagePdf(10_000);
      const since = Date.now();
      const [big, small] = await Promise.all([
        extract(t, a, pdf, since),
        extract(t, b, smallReport, since),
      ]);
      expect(big.status).toBe(413);
      expect(big.body.message).toBe(
        'This PDF has 10,000 pages; followthrough reads reports of up to 500.',
      );
      expect(small.status).toBe(200);
      // Generous: read page by page on one thread, the PDF took over 40 s and held the other.
      expect(big.ms).toBeLessThan(10_000);
      expect(small.ms).toBeLessThan(10_000);
    });

    it("reads another council's report at once while one council's long reports wait their turn", async () => {
      const long = await buildManyPagePdf(499);
      const order: string[] = [];
      const track = (name: string, answer: Promise<Timed>) =>
        answer.then((res) => {
          order.push(name);
          return res;
        });
      const since = Date.now();
      const a1 = track('a1', extract(t, a, long, since));
      // Requests are handled concurrently: a pause makes the order they reach the parser sure.
      await pause(300);
      const a2 = track('a2', extract(t, a, long, since));
      // Reading 499 pages takes seconds: council A's first report is still being read.
      await pause(300);
      const b1 = track('b1', extract(t, b, smallReport, Date.now()));
      const [first, second, other] = await Promise.all([a1, a2, b1]);
      expect([first.status, second.status, other.status]).toEqual([200, 200, 200]);
      expect(order).toEqual(['b1', 'a1', 'a2']);
      expect(other.ms).toBeLessThan(first.ms);
    });

    it('refuses the 10,000-page PDF the same way on import, by the API and by the import page', async () => {
      const pdf = Buffer.from(await buildManyPagePdf(10_000));
      const message = 'This PDF has 10,000 pages; followthrough reads reports of up to 500.';
      const api = await a
        .as(request(t.server).post('/api/inspections'))
        .attach('file', pdf, { filename: 'big.pdf', contentType: 'application/pdf' });
      expect(api.status).toBe(413);
      expect((api.body as { message: string }).message).toBe(message);

      const session = [`ft_access=${a.token}`, `ft_refresh=${a.refreshToken}`];
      const form = await request(t.server).get('/inspections/import').set('Cookie', session);
      const cookies = (form.headers['set-cookie'] as unknown as string[]).map(
        (c) => c.split(';')[0],
      );
      // The form carries its CSRF token in its address (checked before the upload is read).
      const page = await request(t.server)
        .post(`/inspections/import?_csrf=${encodeURIComponent(csrfOf(form.text))}`)
        .set('Cookie', [...session, ...cookies].join('; '))
        .attach('file', pdf, { filename: 'big.pdf', contentType: 'application/pdf' });
      expect(page.status).toBe(400);
      expect(page.text).toContain(message);
    });

    it('answers a decompression bomb with 422, not 500, and reads the next report', async () => {
      // 1.5 GB of content in a 1.5 MB file: PDFium would grow to its 2 GB ceiling and abort.
      const bomb = await buildDeflateBombPdf(1500);
      const refused = await extract(t, a, bomb);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/needed more than 256 MB of memory to read/);
      const next = await extract(t, a, smallReport);
      expect(next.status).toBe(200);
      expect(next.body.recommendations).toHaveLength(1);
    });
  });

  describe('with a 1 s time limit, one thread and one report waiting per council', () => {
    let t: TestApp;
    let a: TestUser;
    let b: TestUser;
    let long: Uint8Array;

    beforeAll(async () => {
      t = await createTestApp({
        env: { EXTRACT_TIMEOUT_MS: '1000', EXTRACT_THREADS: '1', EXTRACT_QUEUE_PER_COUNCIL: '1' },
      });
      [a, b] = await twoCouncils(t);
      long = await buildManyPagePdf(499);
      await extract(t, a, smallReport);
    });

    afterAll(() => t?.close());

    it('ends a report that runs past the limit with 422, and reads the next on a new thread', async () => {
      const slow = extract(t, a, long);
      await pause(300);
      const waiting = extract(t, b, smallReport);
      const refused = await slow;
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/^This report took more than 1 s to read/);
      // The one thread was ended; these are read on its replacement.
      expect((await waiting).status).toBe(200);
      expect((await extract(t, a, smallReport)).status).toBe(200);
    });

    it('refuses a council a report beyond its waiting bound with 429, but not another council', async () => {
      const running = extract(t, a, long);
      await pause(300);
      const waiting = extract(t, a, smallReport);
      await pause(300);
      const refused = await extract(t, a, smallReport);
      expect(refused.status).toBe(429);
      expect(refused.body.message).toBe(
        '1 report is already waiting to be read for you, the most allowed; try again in a minute.',
      );
      const other = extract(t, b, smallReport);
      expect((await running).status).toBe(422);
      expect((await waiting).status).toBe(200);
      expect((await other).status).toBe(200);
    });
  });
});
