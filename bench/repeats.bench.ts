/**
 * `npm run bench -- repeats`: what matching adds to an import. 40 new recommendations against a
 * council holding 2,000 earlier ones (the target: under 200 ms), in process, compiled,
 * after warm-up. The texts are made up here from a vocabulary of inspection subjects, so every
 * recommendation shares words with many others (the matcher's worst case is many candidates).
 * Then (b) the whole step an import adds, through RepeatFindingsService.propose on Postgres in
 * a fresh database (followthrough_bench_repeats, or BENCH_DATABASE_URL): read the council's
 * 2,000 earlier recommendations, match, insert the proposals; each run in a transaction rolled
 * back, so every run proposes the same. BENCH_DB=0 skips (b).
 */
import './register-paths';
import { performance } from 'node:perf_hooks';
import { SystemClock } from '@app/common';
import { RepeatFindingsService } from '@app/inspections';
import { findRepeats, type MatchText } from '@app/repeat-findings';
import { createDataSource } from '../libs/database/src/database.options';
import { databaseUrlFor, prepareDatabase } from './api-data';
import { createNumberedIds, INSERT_INSPECTIONS, withClient } from './bench-db';

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

/** Median, p90 and worst of `runs` timings of `work` after 5 warm-ups; its last result. */
async function timed<T>(
  work: () => Promise<T> | T,
): Promise<{ median: number; p90: number; worst: number; last: T }> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  let last = await work();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? Number.NaN,
    p90: times[Math.floor(times.length * 0.9)] ?? Number.NaN,
    worst: times[times.length - 1] ?? Number.NaN,
    last,
  };
}

const report = (label: string, m: { median: number; p90: number; worst: number }, extra: string) =>
  console.log(
    `  ${label}: median ${m.median.toFixed(1)} ms, p90 ${m.p90.toFixed(1)} ms, worst ` +
      `${m.worst.toFixed(1)} ms; ${extra}; median ${(m.median / TARGET_MS).toFixed(2)}x the ` +
      `${TARGET_MS} ms target.`,
  );

class Rollback extends Error {}

/** (b): a council with 50 inspections of 40 recommendations and a 51st, just imported. */
async function throughPostgres(earlier: MatchText[], fresh: MatchText[]): Promise<void> {
  const url =
    process.env.BENCH_DATABASE_URL ??
    databaseUrlFor('followthrough_bench_repeats', process.env.DATABASE_URL);
  await prepareDatabase(url, true);
  const texts = [...earlier, ...fresh].map((item) => item.text);
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    const shape = {
      councils: 1,
      usersPerCouncil: 2,
      inspectionsPerCouncil: 51,
      recommendationsPerInspection: 40,
      actionsPerCouncil: 0,
    };
    await createNumberedIds(client, shape, { codePrefix: 'RP', councilName: 'Repeat Council' });
    await client.query(`INSERT INTO councils (id, name, code) SELECT id, name, code FROM bc`);
    await client.query(
      `INSERT INTO users (id, council_id, email, name, role, password_hash)
       SELECT bu.id, bc.id, format('user%s@repeats.example.gov.uk', u), 'Bench Person',
              'manager', 'not-a-hash'
         FROM bu JOIN bc USING (c)`,
    );
    await client.query(INSERT_INSPECTIONS);
    // Inspection i's recommendation r gets text i * 40 + r: the last inspection's are the 40 new.
    await client.query(
      `INSERT INTO recommendations (id, council_id, inspection_id, ref, position, text, section,
                                    priority, responsible, page)
       SELECT br.id, bc.id, br.inspection_id, 'R' || (r + 1), r + 1, ($1::text[])[1 + i * 40 + r],
              'What needs to improve', 'improvement', ARRAY[bc.name], 3
         FROM br JOIN bc USING (c)`,
      [texts],
    );
    await client.query('COMMIT');
  });
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  try {
    const [latest] = await dataSource.query<Array<{ id: string; council_id: string }>>(
      `SELECT id, council_id FROM inspections ORDER BY published_on DESC LIMIT 1`,
    );
    if (!latest) throw new Error('No inspection loaded');
    const newOnes = await dataSource.query<MatchText[]>(
      `SELECT id, text FROM recommendations WHERE inspection_id = $1 ORDER BY position`,
      [latest.id],
    );
    const service = new RepeatFindingsService(dataSource, new SystemClock());
    let proposed = 0;
    const measured = await timed(async () => {
      await dataSource
        .transaction(async (em) => {
          proposed = await service.propose(em, latest.council_id, latest.id, newOnes);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      return proposed;
    });
    report(
      '(b) propose() on Postgres: read 2,000, match, insert',
      measured,
      `${measured.last} proposals, rolled back each run`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const earlier = texts(2000, 7, 'old');
  const fresh = texts(40, 11, 'new');
  console.log(
    `Repeat matching, 40 new recommendations against 2,000 earlier ones (${runs} runs after 5 warm-up, Node ${process.version}):`,
  );
  const matcher = await timed(() => findRepeats(fresh, earlier).length);
  report('(a) the matcher alone, in process', matcher, `${matcher.last} proposals`);
  if (process.env.BENCH_DB !== '0') await throughPostgres(earlier, fresh);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
