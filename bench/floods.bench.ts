/**
 * `npm run bench -- floods`: hostile request bodies against the built API, as in production,
 * with its memory read from the kernel. Two scenarios from issue 13:
 *   1. four concurrent unauthenticated 600 MB form floods on the import page (chunked, so only
 *      the session check can stop them): how soon each is answered, how much of it got out,
 *      and the API's peak resident memory above its idle level;
 *   2. a 20 MB JSON body (one array of ten million numbers) to POST /api/auth/refresh, which
 *      needs no sign-in: how soon it is refused, and /health/live's slowest answer meanwhile.
 * Targets: peak growth under 64 MB; the JSON refused, and /health/live answered, within 1 s.
 * BENCH_COMPARE_API_MAIN, the main.js of another build (e.g. main's), runs both against it
 * first and prints before/after ratios.
 */
import './register-paths';
import { resolve } from 'node:path';
import { flood, type FloodResult, multipartFields } from '../test/support/flood';
import { residentMemory } from '../test/support/process-memory';
import { databaseUrlFor, prepareDatabase } from './api-data';
import { API_MAIN, startApi } from './api-server';
import { freePort, log, waitFor } from './http-load';

const MB = 1024 * 1024;
const TARGETS = { peakGrowthMb: 64, refusalMs: 1_000, healthMs: 1_000 };
const databaseUrl = databaseUrlFor('followthrough_bench_floods', process.env.DATABASE_URL);

interface Figures {
  idleMb: number;
  floods: FloodResult[];
  /** NaN when the API died. */
  peakGrowthMb: number;
  died: string | null;
  json: FloodResult | null;
  healthMs: number;
}

/** The 20 MB JSON body, made 64 KB at a time: `{"junk":[0,0,…,0]}`. */
function* jsonArrayBody(bytes: number): Generator<Buffer> {
  const chunk = Buffer.from('0,'.repeat(32 * 1024));
  yield Buffer.from('{"junk":[');
  let sent = 9;
  while (sent + chunk.length + 2 <= bytes) {
    yield chunk;
    sent += chunk.length;
  }
  yield Buffer.from('0'.padEnd(bytes - sent - 2, ' '));
  yield Buffer.from(']}');
}

/** /health/live's slowest answer while `work` runs, polled every 100 ms. */
async function slowestHealth(base: string, work: Promise<unknown>): Promise<number> {
  let done = false;
  let slowest = 0;
  void work.finally(() => (done = true));
  while (!done) {
    const started = Date.now();
    await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(120_000) }).catch(() => null);
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return slowest;
}

async function run(main: string): Promise<Figures> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startApi(port, { main, databaseUrl, queuePrefix: 'bench_floods' });
  try {
    await waitFor(`${base}/health/live`, api);
    const pid = api.pid ?? 0;
    // A few requests first, so the idle level includes what serving any request costs.
    for (let i = 0; i < 20; i += 1) await fetch(`${base}/sign-in`);
    const idle = residentMemory(pid).now;

    log('  1. four unauthenticated 600 MB form floods on /inspections/import');
    const boundary = 'bench-flood-boundary';
    const floods = await Promise.all(
      [1, 2, 3, 4].map(() =>
        flood(`${base}/inspections/import`, {
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          body: multipartFields(boundary, 600, MB),
          timeoutMs: 300_000,
        }),
      ),
    );
    if (api.exitCode !== null || api.signalCode !== null) {
      const died = `the API died (${api.signalCode ?? api.exitCode})`;
      return { idleMb: idle / MB, floods, peakGrowthMb: NaN, died, json: null, healthMs: NaN };
    }
    const peakGrowthMb = (residentMemory(pid).peak - idle) / MB;

    log('  2. a 20 MB JSON body to POST /api/auth/refresh');
    const refusal = flood(`${base}/api/auth/refresh`, {
      headers: { 'content-type': 'application/json' },
      body: jsonArrayBody(20 * MB),
      contentLength: 20 * MB,
      timeoutMs: 300_000,
    });
    const [json, healthMs] = await Promise.all([refusal, slowestHealth(base, refusal)]);
    return { idleMb: idle / MB, floods, peakGrowthMb, died: null, json, healthMs };
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => (api.exitCode === null ? api.once('exit', done) : done(null)));
  }
}

const answer = (r: FloodResult): string =>
  `${r.status ?? 'hung up'} in ${(r.ms / 1000).toFixed(2)} s, ${(r.bytesSent / MB).toFixed(1)} MB sent`;

function report(label: string, f: Figures): void {
  log(`\n${label}: API idle at ${f.idleMb.toFixed(0)} MB resident`);
  f.floods.forEach((r, i) => log(`  flood ${i + 1}: ${answer(r)}`));
  log(
    f.died ??
      `  peak memory: +${f.peakGrowthMb.toFixed(0)} MB over idle ` +
        `(${(f.peakGrowthMb / TARGETS.peakGrowthMb).toFixed(2)} of the ${TARGETS.peakGrowthMb} MB target)`,
  );
  if (!f.json) return;
  log(
    `  20 MB JSON: ${answer(f.json)} (${(f.json.ms / TARGETS.refusalMs).toFixed(2)} of the 1 s target)`,
  );
  log(
    `  /health/live meanwhile: slowest ${f.healthMs} ms ` +
      `(${(f.healthMs / TARGETS.healthMs).toFixed(2)} of the 1 s target)`,
  );
}

async function main(): Promise<void> {
  log(`followthrough flood benchmark, Node ${process.version}`);
  log('==> Database followthrough_bench_floods (recreated)');
  await prepareDatabase(databaseUrl, true);
  const compare = process.env.BENCH_COMPARE_API_MAIN;
  let before: Figures | undefined;
  if (compare) {
    log(`==> Before: ${compare}`);
    before = await run(resolve(compare));
  }
  log(`==> This build: ${API_MAIN}`);
  const after = await run(API_MAIN);
  if (before) report('Before', before);
  report(before ? 'After' : 'This build', after);
  if (before) {
    const slowest = (f: Figures) => Math.max(...f.floods.map((r) => r.ms));
    const ratio = (was: number, now: number) => `${(was / now).toFixed(1)}x less`;
    log('\nBefore / after:');
    log(`  slowest flood answered          ${ratio(slowest(before), slowest(after))}`);
    if (!before.died) {
      log(`  peak memory growth              ${ratio(before.peakGrowthMb, after.peakGrowthMb)}`);
    }
    if (before.json && after.json) {
      log(`  20 MB JSON answered             ${ratio(before.json.ms, after.json.ms)}`);
      log(`  slowest /health/live meanwhile  ${ratio(before.healthMs, after.healthMs)}`);
    }
  }
  const met =
    !after.died &&
    after.floods.every((r) => r.status === 303) &&
    after.peakGrowthMb < TARGETS.peakGrowthMb &&
    after.json?.status === 413 &&
    after.json.ms < TARGETS.refusalMs &&
    after.healthMs < TARGETS.healthMs;
  log(`\nTargets met: ${met ? 'yes' : 'no'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
