/**
 * `npm run bench -- pages`: the web pages under HTTP load on 1,000,000 actions (the API
 * benchmark's data set: 50 councils of 20,000), served by the built API process as in production.
 *
 * Target (issue 7): My actions, an action page and the overdue review, p95 under 100 ms. The
 * latency is measured at the client over loopback, so it is an upper bound on server time.
 * Each request carries a session cookie, so each also pays the session check.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
 * (default 10), BENCH_RELOAD=1 to rebuild the data, BENCH_DATABASE_URL, REDIS_URL.
 */
import './register-paths';
import { Client } from 'pg';
import { BENCH_PASSWORD, BENCH_SHAPE, benchManagerEmail } from './api-data';
import { COUNCILS_IN_ROTATION, ensureData, settings, startApi } from './api-server';
import { apiLogin, cannon, freePort, type LoadRequest, log, waitFor } from './http-load';

const { duration, warmup, connections, databaseUrl } = settings;
const TARGET_P95_MS = 100;

/** User 3 of each council is staff with about a thousand actions; user 1 is a manager. */
const staffEmail = (council: number) => `user3.c${council}@bench.example.gov.uk`;

/** Five live actions of each staff member, so the action page is not one cached row. */
async function actionIdsOf(emails: string[]): Promise<string[][]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids: string[][] = [];
    for (const email of emails) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT a.id FROM actions a JOIN users u ON u.id = a.owner_id
          WHERE u.email = $1 AND a.status IN ('open', 'in_progress', 'blocked')
          ORDER BY a.reference LIMIT 5`,
        [email],
      );
      ids.push(rows.map((row) => row.id));
    }
    return ids;
  } finally {
    await client.end();
  }
}

async function expectPage(url: string, cookie: string, text: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(text)) {
    throw new Error(`${url}: ${response.status}, expected a page containing "${text}"`);
  }
}

async function main(): Promise<void> {
  log(
    `followthrough pages benchmark: ${BENCH_SHAPE.councils * BENCH_SHAPE.actionsPerCouncil} actions, ` +
      `${connections} connections, ${warmup} s warm-up + ${duration} s per page, Node ${process.version}`,
  );
  await ensureData();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startApi(port);
  try {
    await waitFor(`${url}/health`, api);
    const councils = [...Array(COUNCILS_IN_ROTATION).keys()];
    const cookieOf = async (email: string) =>
      `ft_access=${(await apiLogin(url, email, BENCH_PASSWORD)).accessToken}`;
    const staff = await Promise.all(councils.map((c) => cookieOf(staffEmail(c))));
    const managers = await Promise.all(councils.map((c) => cookieOf(benchManagerEmail(c))));
    const actionIds = await actionIdsOf(councils.map(staffEmail));

    const pages: { name: string; requests: LoadRequest[]; expect: string }[] = [
      {
        name: 'My actions (GET /)',
        requests: staff.map((cookie) => ({ path: '/', headers: { cookie } })),
        expect: 'Due in the next 14 days',
      },
      {
        name: 'Action (GET /actions/:id)',
        requests: staff.flatMap((cookie, c) =>
          (actionIds[c] ?? []).map((id) => ({ path: `/actions/${id}`, headers: { cookie } })),
        ),
        expect: 'Success measure',
      },
      {
        name: 'Overdue review (GET /overdue)',
        requests: managers.map((cookie) => ({ path: '/overdue', headers: { cookie } })),
        expect: 'Overdue',
      },
    ];
    for (const page of pages) {
      const first = page.requests[0];
      if (first === undefined) throw new Error(`No requests for ${page.name}`);
      // Every request above carries its cookie.
      await expectPage(`${url}${first.path}`, first.headers.cookie ?? '', page.expect);
    }

    const rows: string[] = [];
    let allMet = true;
    for (const page of pages) {
      log(`==> ${page.name}`);
      await cannon(url, page.requests, warmup, connections);
      const f = await cannon(url, page.requests, duration, connections);
      const met = f.p95 < TARGET_P95_MS && f.errors === 0;
      allMet &&= met;
      rows.push(
        [
          page.name.padEnd(32),
          f.requestsPerSecond.toFixed(0).padStart(7),
          f.p50.toFixed(1).padStart(8),
          f.p95.toFixed(1).padStart(8),
          f.p99.toFixed(1).padStart(8),
          String(f.errors).padStart(6),
          (f.p95 / TARGET_P95_MS).toFixed(2).padStart(9),
          met ? 'yes' : 'NO',
        ].join(' '),
      );
    }
    log('');
    log(
      [
        'page'.padEnd(32),
        'req/s'.padStart(7),
        'p50 ms'.padStart(8),
        'p95 ms'.padStart(8),
        'p99 ms'.padStart(8),
        'errors'.padStart(6),
        'p95/target'.padStart(9),
        'met',
      ].join(' '),
    );
    for (const row of rows) log(row);
    log('');
    log(`Target: p95 < ${TARGET_P95_MS} ms with no errors. All met: ${allMet ? 'yes' : 'no'}.`);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
