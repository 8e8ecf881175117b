/**
 * `npm run bench -- floods`: hostile request bodies against the built API, as in production,
 * with its memory read from the kernel. Two scenarios from issue 13:
 *   - four concurrent unauthenticated 600 MB form floods on the import page (chunked, so only
 *     the session check can stop them): the API's peak resident memory above its idle level,
 *     and how soon each flood is answered;
 *   - a 20 MB JSON body (one array of ten million numbers) to POST /api/auth/refresh, which
 *     needs no sign-in: how soon it is refused, and /health/live's slowest answer meanwhile.
 * BENCH_API_MAIN measures another build, e.g. an earlier commit's, for a before/after.
 */
import './register-paths';
import { databaseUrlFor, prepareDatabase } from './api-data';
import { startApi } from './api-server';
import { freePort, log, waitFor } from './http-load';
import { flood, type FloodResult, multipartFields } from '../test/support/flood';
import { residentMemory } from '../test/support/process-memory';

const MB = 1024 * 1024;
const TARGETS = { peakGrowthMb: 64, refusalMs: 1_000, healthMs: 1_000 };

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
    await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return slowest;
}

const describeResult = (r: FloodResult): string =>
  `${r.status ?? 'hung up'} after ${r.ms} ms, ${(r.bytesSent / MB).toFixed(1)} MB sent`;
const ratio = (value: number, target: number): string => `${(value / target).toFixed(2)}x target`;

async function main(): Promise<void> {
  const databaseUrl = databaseUrlFor('followthrough_bench_floods', process.env.DATABASE_URL);
  log('==> Database followthrough_bench_floods (fresh)');
  await prepareDatabase(databaseUrl, true);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startApi(port, databaseUrl);
  try {
    await waitFor(`${base}/health/live`, api);
    const pid = api.pid ?? 0;
    // A few requests first, so the idle level includes what serving any request costs.
    for (let i = 0; i < 20; i += 1) await fetch(`${base}/sign-in`);
    const idle = residentMemory(pid);
    log(
      `API idle: ${(idle.now / MB).toFixed(0)} MB resident, peak so far ${(idle.peak / MB).toFixed(0)} MB`,
    );

    log('\n==> 4 concurrent unauthenticated 600 MB form floods on /inspections/import');
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
    floods.forEach((r, i) => log(`  flood ${i + 1}: ${describeResult(r)}`));
    const alive = api.exitCode === null;
    const growthMb = alive ? (residentMemory(pid).peak - idle.now) / MB : Number.NaN;
    log(
      alive
        ? `  API peak memory: +${growthMb.toFixed(0)} MB over idle (target under ${TARGETS.peakGrowthMb} MB: ${ratio(growthMb, TARGETS.peakGrowthMb)})`
        : `  the API died (exit ${api.exitCode ?? api.signalCode})`,
    );
    if (!alive) return;

    log('\n==> A 20 MB JSON body to POST /api/auth/refresh (no sign-in needed)');
    const refusal = flood(`${base}/api/auth/refresh`, {
      headers: { 'content-type': 'application/json' },
      body: jsonArrayBody(20 * MB),
      contentLength: 20 * MB,
      timeoutMs: 300_000,
    });
    const [json, healthMs] = await Promise.all([refusal, slowestHealth(base, refusal)]);
    log(
      `  refused: ${describeResult(json)} (target under ${TARGETS.refusalMs} ms: ${ratio(json.ms, TARGETS.refusalMs)})`,
    );
    log(
      `  /health/live meanwhile: slowest ${healthMs} ms (target under ${TARGETS.healthMs} ms: ${ratio(healthMs, TARGETS.healthMs)})`,
    );
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
