/**
 * `npm run bench -- report`: the committee report's renderers, from the model (building the
 * model from the database is not measured here).
 *   (a) one inspection, 50 actions, one or two measures each with 24 readings: the Word
 *       document and the workbook, median and p95 of BENCH_RUNS (default 20) runs after 3 warm-ups,
 *       against 500 ms;
 *   (b) a council with 20,000 actions (a tenth with measures of 24 readings), the workbook
 *       streamed to a file: wall time against 10 s and peak RSS against 300 MB, in a fresh process
 *       so the peak is its own.
 */
import './register-paths';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { renderDocx, writeWorkbook } from '../libs/committee-reports/src';
import { sampleReport } from '../libs/committee-reports/src/testing/sample-report';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const SMALL_TARGET_MS = 500;
const LARGE_TARGET_MS = 10_000;
const LARGE_TARGET_MB = 300;
const mb = (bytes: number): number => bytes / 1024 / 1024;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;

/** Discards what it is given: the workbook's cost without the disk's. */
const nullSink = (): Writable =>
  new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function small(): Promise<void> {
  const report = sampleReport({
    inspections: 1,
    recommendationsPerInspection: 10,
    actionsPerRecommendation: 5,
    measuresPerAction: (index) => (index % 2 === 0 ? 2 : 1),
    readingsPerMeasure: 24,
    since: '2026-11-01',
  });
  const docxBytes = (await renderDocx(report)).length;
  console.log(
    `(a) One inspection, 50 actions, 75 measures of 24 readings: ${runs} timed runs after 3 ` +
      `warm-ups, Node ${process.version}. Word document ${(docxBytes / 1024).toFixed(0)} KB.`,
  );
  const rows: [string, number[]][] = [
    ['Word document (.docx)', await timed(() => renderDocx(report))],
    ['Workbook (.xlsx)', await timed(() => writeWorkbook(report, nullSink()))],
    [
      'Both, one after the other',
      await timed(async () => {
        await renderDocx(report);
        await writeWorkbook(report, nullSink());
      }),
    ],
  ];
  console.log(
    ['renderer'.padEnd(28), 'median ms', '  p95 ms', 'target ms', 'ratio (p95)'].join('  '),
  );
  for (const [name, times] of rows) {
    const median = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    console.log(
      [
        name.padEnd(28),
        median.toFixed(1).padStart(9),
        p95.toFixed(1).padStart(8),
        String(SMALL_TARGET_MS).padStart(9),
        `${(p95 / SMALL_TARGET_MS).toFixed(2)}x`.padStart(11),
      ].join('  '),
    );
  }
}

interface LargeFigures {
  actions: number;
  readings: number;
  modelMs: number;
  wallMs: number;
  bytes: number;
  rssBeforeMb: number;
  sampledPeakMb: number;
  maxRssMb: number;
}

/** In its own process (see main): builds the 20,000-action model, then streams the workbook. */
async function large(): Promise<void> {
  let start = performance.now();
  const report = sampleReport({
    inspections: 10,
    recommendationsPerInspection: 40,
    actionsPerRecommendation: 50,
    measuresPerAction: (index) => (index % 10 === 0 ? (index % 20 === 0 ? 2 : 1) : 0),
    readingsPerMeasure: 24,
    since: '2026-11-01',
  });
  const modelMs = performance.now() - start;
  const actions = report.inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions));
  const readings = actions.reduce(
    (sum, a) => sum + a.measures.reduce((n, m) => n + m.readings.length, 0),
    0,
  );
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 20);

  const dir = mkdtempSync(join(tmpdir(), 'committee-report-bench-'));
  const file = join(dir, 'report.xlsx');
  start = performance.now();
  await writeWorkbook(report, createWriteStream(file));
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  const bytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  const figures: LargeFigures = {
    actions: actions.length,
    readings,
    modelMs,
    wallMs,
    bytes,
    rssBeforeMb: mb(rssBefore),
    sampledPeakMb: mb(Math.max(sampledPeak, process.memoryUsage.rss())),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'large') return large();
  await small();
  // A fresh process, so its peak memory is the large workbook's (and its model's), not ours.
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, 'large'], {
    encoding: 'utf8',
  });
  const f = JSON.parse(out.trim().split('\n').pop() ?? '{}') as LargeFigures;
  console.log(
    `\n(b) A council with ${f.actions.toLocaleString('en-GB')} actions and ` +
      `${f.readings.toLocaleString('en-GB')} readings, the workbook streamed to a file ` +
      `(${mb(f.bytes).toFixed(1)} MB); the model built in ${f.modelMs.toFixed(0)} ms first (not timed).`,
  );
  console.log(
    `    wall time      ${(f.wallMs / 1000).toFixed(2)} s   target ${LARGE_TARGET_MS / 1000} s   ` +
      `ratio ${(f.wallMs / LARGE_TARGET_MS).toFixed(2)}x`,
  );
  console.log(
    `    peak RSS       ${f.maxRssMb.toFixed(0)} MB (maxRSS; sampled every 20 ms: ` +
      `${f.sampledPeakMb.toFixed(0)} MB)   target ${LARGE_TARGET_MB} MB   ratio ` +
      `${(f.maxRssMb / LARGE_TARGET_MB).toFixed(2)}x`,
  );
  console.log(
    `    RSS with the model built, before writing: ${f.rssBeforeMb.toFixed(0)} MB ` +
      `(Node, the libraries and the model).`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
