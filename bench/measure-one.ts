/**
 * Measures one document in a fresh process, so its peak memory is its own: the first
 * extraction (including PDFium's start-up), then the median of timed runs after warm-up.
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractReport } from '../libs/report-parser/src';

const [fileArg, runsArg] = process.argv.slice(2);
if (fileArg === undefined) {
  process.stderr.write('usage: node measure-one.js <file> [runs]\n');
  process.exit(2);
}
const file: string = fileArg;
const runs = Number(runsArg ?? 25);

async function main(): Promise<void> {
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  let start = performance.now();
  const first = await extractReport(readFileSync(file));
  const firstMs = performance.now() - start;

  for (let i = 0; i < 5; i++) await extractReport(readFileSync(file));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    // File to result: reading the file is part of the work.
    await extractReport(readFileSync(file));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      bytes: readFileSync(file).length,
      recommendations: first.recommendations.length,
      firstMs,
      medianMs: times[Math.floor(times.length / 2)],
      p90Ms: times[Math.floor(times.length * 0.9)],
      baselineRss,
      peakRss: process.resourceUsage().maxRSS * 1024,
    }) + '\n',
  );
}

void main();
