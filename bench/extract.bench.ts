/**
 * `npm run bench`: extraction speed and memory for every corpus document, and for PDFs the
 * same file through poppler's pdftotext for comparison. Figures come from this machine, now.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

// Compiled to dist/bench/bench/, three levels below the repository root. Both corpus folders
// by default; CORPUS_DIR, folders separated by ":", measures others.
const shared = join(__dirname, '../../../../shared');
const corpusDirs = (
  process.env.CORPUS_DIR?.split(delimiter) ?? [join(shared, 'corpus'), join(shared, 'corpus-next')]
).map((dir) => resolve(dir));
const runs = Number(process.env.BENCH_RUNS ?? 25);
const mb = (bytes: number): number => bytes / 1024 / 1024;

interface Measure {
  bytes: number;
  recommendations: number;
  firstMs: number;
  medianMs: number;
  p90Ms: number;
  baselineRss: number;
  peakRss: number;
}

function measure(file: string): Measure {
  // Compiled JavaScript, as in production: no TypeScript compiler in the measured process.
  const out = execFileSync(
    process.execPath,
    [join(__dirname, 'measure-one.js'), file, String(runs)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measure;
}

/** Median wall time of `pdftotext file -` over the same number of runs, or null if absent. */
function pdftotext(file: string): number | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const result = spawnSync('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) return null;
    if (i >= 3) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? null;
}

function main(): void {
  const missing = corpusDirs.filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    console.error(`No corpus at ${missing.join(', ')}; set CORPUS_DIR.`);
    process.exit(2);
  }
  const files = corpusDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.(txt|pdf)$/.test(name))
      .sort()
      .map((name) => join(dir, name)),
  );
  console.log(
    `followthrough extraction benchmark: ${runs} timed runs after 5 warm-up runs, Node ${process.version}`,
  );
  console.log(
    [
      'document'.padEnd(52),
      'KB'.padStart(5),
      'items'.padStart(5),
      'first ms'.padStart(9),
      'median ms'.padStart(10),
      'p90 ms'.padStart(8),
      'MB/s'.padStart(7),
      'peak RSS MB'.padStart(12),
      'pdftotext ms'.padStart(13),
      'ratio'.padStart(6),
    ].join(' '),
  );
  const ratios: number[] = [];
  let baseline = 0;
  for (const file of files) {
    const name = basename(file);
    const m = measure(file);
    baseline = m.baselineRss;
    const poppler = name.endsWith('.pdf') ? pdftotext(file) : null;
    const ratio = poppler ? m.medianMs / poppler : null;
    if (ratio) ratios.push(ratio);
    console.log(
      [
        name.padEnd(52),
        (m.bytes / 1024).toFixed(0).padStart(5),
        String(m.recommendations).padStart(5),
        m.firstMs.toFixed(1).padStart(9),
        m.medianMs.toFixed(2).padStart(10),
        m.p90Ms.toFixed(2).padStart(8),
        (mb(m.bytes) / (m.medianMs / 1000)).toFixed(1).padStart(7),
        mb(m.peakRss).toFixed(0).padStart(12),
        (poppler === null ? '-' : poppler.toFixed(2)).padStart(13),
        (ratio === null ? '-' : `${ratio.toFixed(2)}x`).padStart(6),
      ].join(' '),
    );
  }
  console.log(
    `\nPeak RSS includes Node and the loaded libraries: ${mb(baseline).toFixed(0)} MB before the first extraction.`,
  );
  console.log(
    'pdftotext times are whole processes (start-up included); ours are in-process after warm-up.',
  );
  if (ratios.length) {
    const worst = Math.max(...ratios);
    console.log(
      `PDF ratio to pdftotext: worst ${worst.toFixed(2)}x, mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(2)}x (target ≤ 2x).`,
    );
  } else {
    console.log('pdftotext not found: install poppler-utils to compare.');
  }
}

main();
