/**
 * `npm run bench -- api`: the API under HTTP load on 1,000,000 actions (50 councils of 20,000),
 * beside a bare baseline running the same SQL through `pg` behind node:http.
 *
 * Targets (issue 4): p95 under 50 ms, and at least half the baseline's req/s. The built API
 * runs as in production (its own process, real login, a bearer token on every request, which
 * costs one session query each); the baseline skips all of that, which is the point.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2),
 * BENCH_CONNECTIONS (default 10), BENCH_RELOAD=1 to rebuild the data, BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/followthrough_bench), REDIS_URL.
 */
import './register-paths';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { BENCH_PASSWORD, BENCH_SHAPE, benchManagerEmail } from './api-data';
import { COUNCILS_IN_ROTATION, ensureData, settings, startApi } from './api-server';
import { apiLogin, cannon, type Figures, freePort, log, start, waitFor } from './http-load';

const BASELINE_MAIN = join(__dirname, 'api-baseline.js');
const { duration, warmup, connections, databaseUrl } = settings;

const TARGET_P95_MS = 50;
const TARGET_RATIO = 0.5;

const TARGETS = [
  { name: 'GET /actions?overdue=true', path: '/api/actions?overdue=true&sort=dueOn' },
  { name: 'GET /dashboard', path: '/api/dashboard' },
] as const;

async function councilIds(): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids: string[] = [];
    for (let c = 0; c < COUNCILS_IN_ROTATION; c++) {
      const { rows } = await client.query<{ council_id: string }>(
        'SELECT council_id FROM users WHERE email = $1',
        [benchManagerEmail(c)],
      );
      const [row] = rows;
      if (row === undefined) throw new Error(`No bench manager ${benchManagerEmail(c)}; reload`);
      ids.push(row.council_id);
    }
    return ids;
  } finally {
    await client.end();
  }
}

const requestsFor = (path: string, headerSets: ReadonlyArray<Record<string, string>>) =>
  headerSets.map((headers) => ({ path, headers }));

async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Both servers must answer the same thing, or the comparison means nothing. */
async function checkSameAnswers(
  apiUrl: string,
  baselineUrl: string,
  apiHeaders: Record<string, string>,
  baselineHeaders: Record<string, string>,
): Promise<void> {
  for (const target of TARGETS) {
    const [api, baseline] = await Promise.all([
      getJson(`${apiUrl}${target.path}`, apiHeaders),
      getJson(`${baselineUrl}${target.path}`, baselineHeaders),
    ]);
    // JSON round trip on both: Date objects and undefined fields compare as sent.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(api)), JSON.parse(JSON.stringify(baseline)))) {
      throw new Error(`${target.name}: the API and the baseline answer differently`);
    }
    log(`  ${target.name}: same answer from both (${JSON.stringify(api).length} bytes)`);
  }
}

const ms = (value: number): string => value.toFixed(1).padStart(8);

async function main(): Promise<void> {
  const shape = BENCH_SHAPE;
  log(
    `followthrough API benchmark: ${shape.councils * shape.actionsPerCouncil} actions in ${shape.councils} councils, ` +
      `${connections} connections, ${warmup} s warm-up + ${duration} s per run, Node ${process.version}`,
  );
  await ensureData();

  const [apiPort, baselinePort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  const api = startApi(apiPort);
  const baseline = start(BASELINE_MAIN, { PORT: String(baselinePort), DATABASE_URL: databaseUrl });
  try {
    await Promise.all([waitFor(`${apiUrl}/health`, api), waitFor(baselineUrl, baseline)]);
    const tokens: string[] = [];
    for (let c = 0; c < COUNCILS_IN_ROTATION; c++) {
      tokens.push((await apiLogin(apiUrl, benchManagerEmail(c), BENCH_PASSWORD)).accessToken);
    }
    const apiHeaders = tokens.map((token) => ({ authorization: `Bearer ${token}` }));
    const baselineHeaders = (await councilIds()).map((id) => ({ 'x-council-id': id }));
    log(`==> Logged in as the managers of ${COUNCILS_IN_ROTATION} councils; checking answers`);
    const [apiFirst, baselineFirst] = [apiHeaders[0], baselineHeaders[0]];
    // COUNCILS_IN_ROTATION is at least one, so both lists have a first entry.
    if (apiFirst === undefined || baselineFirst === undefined) throw new Error('No councils');
    await checkSameAnswers(apiUrl, baselineUrl, apiFirst, baselineFirst);

    const rows: string[] = [];
    let allMet = true;
    for (const target of TARGETS) {
      const measured: Record<'baseline' | 'api', Figures> = {} as Record<
        'baseline' | 'api',
        Figures
      >;
      for (const [which, url, headers] of [
        ['baseline', baselineUrl, baselineHeaders],
        ['api', apiUrl, apiHeaders],
      ] as const) {
        log(`==> ${target.name} on the ${which}`);
        await cannon(url, requestsFor(target.path, headers), warmup, connections);
        measured[which] = await cannon(
          url,
          requestsFor(target.path, headers),
          duration,
          connections,
        );
      }
      const ratio = measured.api.requestsPerSecond / measured.baseline.requestsPerSecond;
      const met =
        measured.api.p95 < TARGET_P95_MS && ratio >= TARGET_RATIO && measured.api.errors === 0;
      allMet &&= met;
      for (const which of ['baseline', 'api'] as const) {
        const f = measured[which];
        rows.push(
          [
            `${target.name} (${which === 'api' ? 'API' : 'baseline'})`.padEnd(40),
            f.requestsPerSecond.toFixed(0).padStart(7),
            ms(f.p50),
            ms(f.p95),
            ms(f.p99),
            String(f.errors).padStart(6),
            (which === 'api' ? ratio.toFixed(2) : '').padStart(8),
            which === 'api'
              ? `${met ? 'yes' : 'NO'} (p95 ${f.p95 < TARGET_P95_MS ? '<' : '>='} ${TARGET_P95_MS} ms, ratio ${ratio >= TARGET_RATIO ? '>=' : '<'} ${TARGET_RATIO})`
              : '',
          ].join(' '),
        );
      }
    }
    log('');
    log(
      [
        'target'.padEnd(40),
        'req/s'.padStart(7),
        'p50 ms'.padStart(8),
        'p95 ms'.padStart(8),
        'p99 ms'.padStart(8),
        'errors'.padStart(6),
        'API/base'.padStart(8),
        'target met',
      ].join(' '),
    );
    for (const row of rows) log(row);
    log('');
    log(
      `Targets: p95 < ${TARGET_P95_MS} ms and API req/s >= ${TARGET_RATIO} x baseline. ` +
        `The API also checks each bearer token (JWT + one session query); the baseline does not. ` +
        `All met: ${allMet ? 'yes' : 'no'}.`,
    );
  } finally {
    for (const child of [api, baseline]) child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
