/**
 * `npm run bench -- report` (second part): the committee report end to end, through the built
 * API as in production, from the database to the last byte at the client.
 *   (c) one inspection, 50 actions, 70 measures of 24 readings: the JSON, the page, the Word
 *       document and the workbook, each requested BENCH_RUNS (default 20) times one after the
 *       other after 3 warm-ups; median and p95 against 500 ms.
 *   (d) the all-inspections workbook of a council with 20,000 actions (2,000 with a measure of
 *       24 readings), streamed: wall time against 10 s and the API process's peak memory
 *       (VmHWM, read from /proc) against 300 MB, in a freshly started API so the peak is this
 *       report's.
 * Data: its own database, followthrough_bench_report (BENCH_RELOAD=1 rebuilds it).
 */
import './register-paths';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BENCH_PASSWORD, databaseUrlFor, prepareDatabase } from './api-data';
import { settings, startApi } from './api-server';
import { apiLogin, freePort, log, waitFor } from './http-load';
import { isReportDataLoaded, loadReportData, reportManagerEmail } from './report-data';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const databaseUrl =
  process.env.BENCH_REPORT_DATABASE_URL ??
  databaseUrlFor('followthrough_bench_report', process.env.DATABASE_URL);
const SMALL_TARGET_MS = 500;
const LARGE_TARGET_MS = 10_000;
const LARGE_TARGET_MB = 300;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;

/** The process's memory high-water mark and current RSS, in MB, from the kernel. */
function memoryOf(child: ChildProcess): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** One request, read to its end; throws unless 200. Returns the bytes received. */
async function fetchAll(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) {
    throw new Error(`${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).length;
  return bytes;
}

async function withApi<T>(work: (url: string, api: ChildProcess) => Promise<T>): Promise<T> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startApi(port, { databaseUrl, queuePrefix: 'bench-report' });
  try {
    await waitFor(`${url}/health`, api);
    return await work(url, api);
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
  }
}

async function main(): Promise<void> {
  log(`\nfollowthrough committee report end to end, Node ${process.version}`);
  log(`==> Database ${new URL(databaseUrl).pathname.slice(1)}`);
  await prepareDatabase(databaseUrl, settings.reload);
  if (!(await isReportDataLoaded(databaseUrl))) {
    log('  loading');
    await prepareDatabase(databaseUrl, true);
    await loadReportData(databaseUrl, log);
  } else {
    log('  data already loaded (BENCH_RELOAD=1 to rebuild)');
  }

  await withApi(async (url) => {
    const { accessToken } = await apiLogin(url, reportManagerEmail('one'), BENCH_PASSWORD);
    const bearer = { authorization: `Bearer ${accessToken}` };
    const cookie = { cookie: `ft_access=${accessToken}` };
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const formats: [string, string, Record<string, string>][] = [
      ['JSON (GET /api/reports/committee)', `/api/reports/committee?since=${since}`, bearer],
      ['Page (GET /reports/committee)', `/reports/committee?since=${since}`, cookie],
      ['Word (GET …/committee.docx)', `/api/reports/committee.docx?since=${since}`, bearer],
      ['Excel (GET …/committee.xlsx)', `/api/reports/committee.xlsx?since=${since}`, bearer],
    ];
    log(
      `\n(c) One inspection, 50 actions, 70 measures of 24 readings, changes over 90 days: ` +
        `${runs} requests each, one at a time, after 3 warm-ups.`,
    );
    log(
      ['format'.padEnd(36), 'bytes', 'median ms', '  p95 ms', 'target', 'ratio (p95)'].join('  '),
    );
    for (const [name, path, headers] of formats) {
      let bytes = 0;
      for (let i = 0; i < 3; i++) bytes = await fetchAll(`${url}${path}`, headers);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fetchAll(`${url}${path}`, headers);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 0.95);
      log(
        [
          name.padEnd(36),
          String(bytes).padStart(5),
          percentile(times, 0.5).toFixed(1).padStart(9),
          p95.toFixed(1).padStart(8),
          `${SMALL_TARGET_MS}`.padStart(6),
          `${(p95 / SMALL_TARGET_MS).toFixed(2)}x`.padStart(11),
        ].join('  '),
      );
    }
  });

  // A fresh API: its memory high-water mark is start-up plus this one report.
  await withApi(async (url, api) => {
    const { accessToken } = await apiLogin(url, reportManagerEmail('big'), BENCH_PASSWORD);
    const before = memoryOf(api);
    const start = performance.now();
    const bytes = await fetchAll(`${url}/api/reports/committee.xlsx`, {
      authorization: `Bearer ${accessToken}`,
    });
    const wallMs = performance.now() - start;
    const after = memoryOf(api);
    log(
      `\n(d) A council with 20,000 actions (2,000 with a measure of 24 readings), every live ` +
        `inspection, the workbook streamed (${(bytes / 1024 / 1024).toFixed(1)} MB).`,
    );
    log(
      `    wall time    ${(wallMs / 1000).toFixed(2)} s   target ${LARGE_TARGET_MS / 1000} s   ` +
        `ratio ${(wallMs / LARGE_TARGET_MS).toFixed(2)}x`,
    );
    log(
      `    API peak RSS ${after.peakMb.toFixed(0)} MB (VmHWM; ${before.rssMb.toFixed(0)} MB before ` +
        `the request)   target ${LARGE_TARGET_MB} MB   ratio ${(after.peakMb / LARGE_TARGET_MB).toFixed(2)}x`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
