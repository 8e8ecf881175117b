/**
 * `npm run bench -- reminders`: reminders and escalations (issue 5) at scale.
 *
 * 1. The sweep on 1,000,000 actions (50 councils of 20,000, 80% live), its schedule in steady
 *    state: swept once the evening before, so each action's next check is its next reminder.
 *    At 08:30 London on a working day it times (a) finding what is due, with the sweeper's own
 *    claiming SELECT over the whole due set, and (b) one full ReminderSweeper.sweep() with a
 *    fixed clock, broken down by SQL statement. Target: finding what is due under 1 s.
 * 2. Emails per second: 10,000 pending due-in-7-days reminders delivered by one in-process
 *    worker (WorkerModule, MAIL_CONCURRENCY default) to the MailSink running in a child
 *    process. Targets: all sent within 60 s, at least 200 emails/s.
 * 3. Redis memory per pending deliver job, on a private redis-server: 10,000 jobs queued with
 *    RemindersQueue.deliver and no worker. Target: at most 3 KB each.
 *
 * The 1M data set is loaded and brought to steady state once (several minutes) into
 * followthrough_bench_reminders and reused while its fingerprint (migrations, reminder planning
 * code, data generator) is unchanged; each run works on a fresh file copy of it, so every run
 * starts from the same state. BENCH_RELOAD=1 rebuilds it.
 *
 * Environment: BENCH_RELOAD=1, DATABASE_URL (server to use; default postgres://postgres@127.0.0.1:5432),
 * REDIS_URL (default redis://127.0.0.1:6379; part 2 uses it under a private prefix),
 * BENCH_REMINDERS_PARTS (default "sweep,mail,redis"), BENCH_LOG_LEVEL (worker logs, default warn).
 */
import './register-paths';
import { Clock, ClockModule, fixedClock, LoggingModule } from '@app/common';
import { AppConfigModule, type RawEnv } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule, QueueName } from '@app/queue';
import {
  ReminderJobsModule,
  RemindersQueue,
  ReminderSweeper,
  type SweepResult,
} from '@app/reminders';
import { getQueueToken } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SweepScheduler } from '../apps/worker/src/reminders/sweep-scheduler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { databaseUrlFor, prepareDatabase } from './api-data';
import {
  cloneDatabase,
  dropDatabase,
  loadReminderData,
  MAIL_AT,
  MAIL_SHAPE,
  STEADY_AT,
  SWEEP_AT,
  SWEEP_SHAPE,
  withClient,
} from './reminders-data';
import type { SinkStats } from './reminders-sink';

const BASE_DB = 'followthrough_bench_reminders';
const RUN_DB = 'followthrough_bench_reminders_run';
const MAIL_DB = 'followthrough_bench_reminders_mail';
const serverUrl = databaseUrlFor('postgres', process.env.DATABASE_URL);
const urlOf = (name: string): string => databaseUrlFor(name, process.env.DATABASE_URL);
const sharedRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const reload = process.env.BENCH_RELOAD === '1';
const parts = new Set(
  (process.env.BENCH_REMINDERS_PARTS ?? 'sweep,mail,redis').split(',').map((p) => p.trim()),
);
/** Bump when the steady state is built differently, so old copies are rebuilt. */
const STATE_VERSION = 1;

const TARGET_FIND_DUE_S = 1;
const TARGET_MAIL_S = 60;
const TARGET_EMAILS_PER_S = 200;
const TARGET_BYTES_PER_JOB = 3 * 1024;
const MAIL_COUNT = MAIL_SHAPE.councils * MAIL_SHAPE.actionsPerCouncil;
const REDIS_JOBS = 10_000;
/** Give up on delivery after this long (5x the target). */
const MAIL_TIMEOUT_MS = 300_000;

const log = (line: string): void => console.log(line);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const int = (n: number): string => Math.round(n).toLocaleString('en-GB');

// --- SQL timing --------------------------------------------------------------------------

/** Names for the statements the sweep runs; anything else is shown by its first words. */
const STATEMENT_LABELS: ReadonlyArray<[RegExp, string]> = [
  [/FROM reminder_schedule\b.*FOR UPDATE/, 'claim due actions (SELECT ... FOR UPDATE SKIP LOCKED)'],
  [/^INSERT INTO notifications\b.*'digest'/, 'weekly digests (INSERT ... SELECT per council)'],
  [/^INSERT INTO notifications\b/, 'record notifications (INSERT ... ON CONFLICT DO NOTHING)'],
  [/^UPDATE reminder_schedule\b/, 'next checks (UPDATE reminder_schedule FROM unnest)'],
  [/^SELECT id, notification_settings\b.*ORDER BY id/, 'councils for digests (SELECT)'],
  [/FROM councils\b/, 'councils of the batch (SELECT)'],
  [/FROM users\b.*role = 'admin'/, 'admins of the batch (SELECT)'],
  [/FROM notifications\b.*kind = 'assigned'/, 'assignment emails of the batch (SELECT)'],
  [/^SELECT DISTINCT batch_key\b/, 'pending batches (SELECT DISTINCT batch_key)'],
  [/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/, 'START TRANSACTION / COMMIT'],
];

function labelOf(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return STATEMENT_LABELS.find(([pattern]) => pattern.test(flat))?.[1] ?? flat.slice(0, 60);
}

/**
 * Times every statement TypeORM sends (the sweeper's own SQL, through its own connections) by
 * wrapping PostgresQueryRunner.query: measuring only, the statements are not changed. Also
 * captures statements while `capturing`, to reuse the sweeper's claiming SELECT as written.
 */
class SqlTimer {
  timing = false;
  capturing = false;
  readonly totals = new Map<string, { count: number; ms: number }>();
  readonly captured: Array<{ sql: string; params: unknown[] }> = [];

  install(): void {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- always called via apply(runner)
    const original = PostgresQueryRunner.prototype.query;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the wrapper needs both `this`s
    const timer = this;
    PostgresQueryRunner.prototype.query = async function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof original>
    ): ReturnType<typeof original> {
      const [sql, params] = args;
      if (timer.capturing) timer.captured.push({ sql, params: params ?? [] });
      if (!timer.timing) return original.apply(this, args);
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        const label = labelOf(sql);
        const total = timer.totals.get(label) ?? { count: 0, ms: 0 };
        total.count += 1;
        total.ms += performance.now() - started;
        timer.totals.set(label, total);
      }
    };
  }

  reset(): void {
    this.totals.clear();
    this.captured.length = 0;
  }
}

const sqlTimer = new SqlTimer();

// --- Nest contexts -----------------------------------------------------------------------

/** The sweeper and the queue producers without any processor: nothing consumes the queues. */
@Module({})
class SweepBenchModule {
  static forRoot(env: RawEnv): DynamicModule {
    return {
      module: SweepBenchModule,
      imports: [
        AppConfigModule.forRoot({ env }),
        LoggingModule.forRoot({ service: 'bench' }),
        DatabaseModule,
        QueueModule,
        ClockModule,
        ReminderJobsModule,
      ],
    };
  }
}

/** Stands in for the queue when a sweep must only record (the 1M steady state, the mail set). */
const NO_QUEUE: Pick<RemindersQueue, 'deliver' | 'checkAction'> = {
  deliver: () => Promise.resolve(),
  checkAction: () => Promise.resolve(),
};

function benchEnv(
  databaseUrl: string,
  redisUrl: string,
  prefix: string,
  extra: RawEnv = {},
): RawEnv {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    // Required by the config, unused by the worker.
    JWT_SECRET: randomBytes(48).toString('base64'),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    // Nothing listens here: only part 2 sends, and it points at its sink.
    SMTP_URL: 'smtp://127.0.0.1:9',
    APP_URL: 'https://actions.example.gov.uk',
    ...extra,
  };
}

async function sweepContext(env: RawEnv, at: Date, queue: 'real' | 'none'): Promise<TestingModule> {
  const builder = Test.createTestingModule({ imports: [SweepBenchModule.forRoot(env)] });
  builder.overrideProvider(Clock).useValue(fixedClock(at.toISOString()));
  if (queue === 'none') builder.overrideProvider(RemindersQueue).useValue(NO_QUEUE);
  const ref = await builder.compile();
  ref.useLogger(ref.get(Logger));
  await ref.init();
  return ref;
}

// --- Redis and processes -----------------------------------------------------------------

/** Braced, as the apps use it (a Redis Cluster hash tag), so deleteKeys finds its keys. */
function privatePrefix(): string {
  return `{ft_bench_rem_${randomBytes(4).toString('hex')}}`;
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

interface Sink {
  url: string;
  stats(): Promise<SinkStats>;
  stop(): Promise<void>;
}

/** The MailSink in a child process (reminders-sink.ts), so it has a CPU of its own to use. */
async function startSink(): Promise<Sink> {
  const child = fork(join(__dirname, 'reminders-sink.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`The mail sink exited (${code})`)));
    child.on('message', (message: { port?: number }) => {
      if (message.port) done(message.port);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () =>
      new Promise((done) => {
        const listener = (message: { stats?: SinkStats }) => {
          if (!message.stats) return;
          child.off('message', listener);
          done(message.stats);
        };
        child.on('message', listener);
        child.send('stats');
      }),
    stop: async () => {
      if (child.connected) child.send('stop');
      await exited(child);
    },
  };
}

async function waitForRedis(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    // Refused connections while the server starts are expected; connect() reports them.
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 100));
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`redis-server at ${url} did not answer`);
}

function infoField(info: string, field: string): string {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '?';
}

// --- Part 1: the sweep at 1,000,000 actions ----------------------------------------------

/**
 * What the steady state depends on: the schema, the planning and sweeping code and the data
 * generator. A change to any of them rebuilds the base copy.
 */
function fingerprint(): string {
  const root = join(__dirname, '..');
  const hash = createHash('sha256').update(`v${STATE_VERSION}`);
  for (const dir of ['migrations', 'libs/reminders/src/schedule', 'libs/reminders/src/sweep']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const file of readdirSync(full)
      .filter((name) => name.endsWith('.js'))
      .sort()) {
      hash.update(file).update(readFileSync(join(full, file)));
    }
  }
  hash.update(readFileSync(join(__dirname, 'reminders-data.js')));
  return hash.digest('hex').slice(0, 16);
}

interface BaseFacts {
  fingerprint: string;
  checked: number;
  created: number;
  seconds: number;
}

async function baseFacts(url: string): Promise<BaseFacts | null> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<BaseFacts>(
        `SELECT fingerprint, checked, created, seconds::float AS seconds FROM bench_reminders_state`,
      );
      return rows[0] ?? null;
    });
  } catch {
    // No database or no state table: not built yet.
    return null;
  }
}

/**
 * Loads the 1M actions and runs the real sweep over all of them at STEADY_AT, recording what
 * was owed until then (all marked sent, as a live system would have sent it) and giving each
 * action its next check. The queue is left out: that history is not for sending.
 */
async function buildBase(url: string, print: string): Promise<BaseFacts> {
  log(`  building ${BASE_DB} (fingerprint ${print}); this takes a few minutes, once`);
  await prepareDatabase(url, true);
  await loadReminderData(url, SWEEP_SHAPE, 'spread', log);
  const prefix = privatePrefix();
  const ref = await sweepContext(benchEnv(url, sharedRedisUrl, prefix), STEADY_AT, 'none');
  const started = performance.now();
  let totals = { checked: 0, created: 0 };
  const progress = setInterval(() => {
    void withClient(url, (client) =>
      client.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM reminder_schedule WHERE check_at = '-infinity'`,
      ),
    ).then(
      ({ rows }) => log(`  steady state: ${int(rows[0]?.left ?? 0)} actions still to look at`),
      () => undefined,
    );
  }, 30_000);
  try {
    const sweeper = ref.get(ReminderSweeper);
    // Two sweeps side by side (SKIP LOCKED keeps them apart): this machine's cores, used.
    const results = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    totals = {
      checked: results.reduce((sum, r) => sum + r.checked, 0),
      created: results.reduce((sum, r) => sum + r.created, 0),
    };
  } finally {
    clearInterval(progress);
    await ref.close();
    // Nothing was queued, but the queues wrote their metadata.
    await deleteKeys(sharedRedisUrl, prefix);
  }
  const took = (performance.now() - started) / 1000;
  log(
    `  steady state: ${int(totals.checked)} actions looked at, ${int(totals.created)} notifications ` +
      `recorded at ${STEADY_AT.toISOString()} in ${took.toFixed(1)} s`,
  );
  await withClient(url, async (client) => {
    const step = async (label: string, sql: string): Promise<void> => {
      const t = performance.now();
      const result = await client.query(sql);
      log(`  ${label}: ${result.rowCount ?? 0} rows in ${seconds(performance.now() - t)}`);
    };
    await step(
      'history marked sent',
      `UPDATE notifications
          SET status = 'sent', sent_at = send_after, attempts = 1,
              message_id = '<' || batch_key || '@followthrough>', updated_at = send_after
        WHERE status = 'pending'`,
    );
    // The sweep updated every schedule row once and the line above every notification: rewrite
    // both tables, as a long-lived database's would be after autovacuum, not half dead rows.
    await step('vacuum full notifications', 'VACUUM (FULL, ANALYZE) notifications');
    await step('vacuum full reminder_schedule', 'VACUUM (FULL, ANALYZE) reminder_schedule');
    await step('vacuum analyze', 'VACUUM (ANALYZE)');
    await client.query(
      `CREATE TABLE bench_reminders_state (fingerprint text NOT NULL, checked int NOT NULL,
                                           created int NOT NULL, seconds numeric NOT NULL)`,
    );
    await client.query(`INSERT INTO bench_reminders_state VALUES ($1, $2, $3, $4)`, [
      print,
      totals.checked,
      totals.created,
      took,
    ]);
    await client.query('CHECKPOINT');
  });
  return { fingerprint: print, ...totals, seconds: took };
}

interface SweepFigures {
  cloneMs: number;
  liveActions: number;
  historyRows: number;
  dueRows: number;
  findDueMs: number[];
  findDueColdMs: number;
  findDueRows: number;
  claimPlan: string[];
  wholePlanSummary: string[];
  sweepMs: number;
  checked: number;
  created: number;
  enqueued: number;
  createdByKind: string;
  dueAfter: number;
  nodeCpuMs: number;
  statements: Array<{ label: string; count: number; ms: number }>;
  redisMs: number;
}

/** The claiming SELECT exactly as the sweeper sends it, captured from a one-action check. */
async function captureClaim(sweeper: ReminderSweeper): Promise<{ sql: string }> {
  const nobody = '00000000-0000-4000-8000-000000000000';
  sqlTimer.reset();
  sqlTimer.capturing = true;
  try {
    await sweeper.checkAction(nobody);
  } finally {
    sqlTimer.capturing = false;
  }
  const claim = sqlTimer.captured.find((s) => /FROM reminder_schedule\b/.test(s.sql));
  // The bench swaps in its own parameters by position: now, batch size, one action or null.
  if (
    !claim ||
    claim.params.length !== 3 ||
    !(claim.params[0] instanceof Date) ||
    typeof claim.params[1] !== 'number' ||
    claim.params[2] !== nobody
  ) {
    throw new Error(
      'The sweeper no longer claims with (now, batch size, action id): update captureClaim()',
    );
  }
  return { sql: claim.sql };
}

async function measureSweep(): Promise<SweepFigures> {
  const baseUrl = urlOf(BASE_DB);
  const print = fingerprint();
  log(
    `==> Part 1: the sweep on ${int(SWEEP_SHAPE.councils * SWEEP_SHAPE.actionsPerCouncil)} actions`,
  );
  let facts = reload ? null : await baseFacts(baseUrl);
  if (facts && facts.fingerprint !== print) {
    log(`  ${BASE_DB} was built from other code or data (${facts.fingerprint}): rebuilding`);
    facts = null;
  }
  if (!facts) facts = await buildBase(baseUrl, print);
  else log(`  ${BASE_DB} in steady state already (BENCH_RELOAD=1 to rebuild)`);

  let t = performance.now();
  await cloneDatabase(serverUrl, BASE_DB, RUN_DB);
  const cloneMs = performance.now() - t;
  log(`  fresh copy ${RUN_DB} in ${seconds(cloneMs)}`);
  const runUrl = urlOf(RUN_DB);
  const prefix = privatePrefix();
  const ref = await sweepContext(benchEnv(runUrl, sharedRedisUrl, prefix), SWEEP_AT, 'real');
  const client = new Client({ connectionString: runUrl });
  await client.connect();
  try {
    const sweeper = ref.get(ReminderSweeper);
    const { sql } = await captureClaim(sweeper);
    // Two scalar subqueries and no FROM: always one row.
    const [{ live, history } = { live: 0, history: 0 }] = (
      await client.query<{ live: number; history: number }>(
        `SELECT (SELECT count(*) FROM actions
                  WHERE status IN ('open', 'in_progress', 'blocked') AND owner_id IS NOT NULL)::int AS live,
                (SELECT count(*) FROM notifications)::int AS history`,
      )
    ).rows;
    const due = async (): Promise<number> =>
      (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM reminder_schedule WHERE check_at <= $1`,
          [SWEEP_AT],
        )
      ).rows[0]?.n ?? 0;
    const dueRows = await due();
    log(
      `  ${int(live)} live owned actions, ${int(history)} notifications already sent; ` +
        `${int(dueRows)} actions due for a look at ${SWEEP_AT.toISOString()}`,
    );

    // (a) The claiming SELECT over the whole due set, locks and all, rolled back. The first
    // run meets a cold copy; the next three are what a worker sweeping every few minutes sees.
    const everything = 2_147_483_647;
    const claimAll = async (): Promise<{ ms: number; rows: number }> => {
      await client.query('BEGIN');
      try {
        const started = performance.now();
        const result = await client.query(sql, [SWEEP_AT, everything, null]);
        return { ms: performance.now() - started, rows: result.rowCount ?? 0 };
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const cold = await claimAll();
    const warm = [await claimAll(), await claimAll(), await claimAll()];
    log(
      `  (a) find what is due: ${int(cold.rows)} rows; cold ${seconds(cold.ms)}, warm ` +
        warm.map((w) => seconds(w.ms)).join(', '),
    );
    const explain = async (limit: number, options: string): Promise<string[]> => {
      await client.query('BEGIN');
      try {
        const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${options}) ${sql}`, [
          SWEEP_AT,
          limit,
          null,
        ]);
        return result.rows.map((row) => row['QUERY PLAN']);
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const claimPlan = await explain(500, 'ANALYZE, BUFFERS');
    const wholePlan = await explain(everything, 'ANALYZE, BUFFERS');
    const wholePlanSummary = wholePlan.filter((line) =>
      /Execution Time|Planning Time|^\S|Index|Scan/.test(line),
    );

    // (b) One full sweep, as the worker's timer runs it.
    const queue = ref.get(RemindersQueue);
    const deliver = queue.deliver.bind(queue);
    let redisMs = 0;
    queue.deliver = async (keys) => {
      const started = performance.now();
      try {
        await deliver(keys);
      } finally {
        redisMs += performance.now() - started;
      }
    };
    sqlTimer.reset();
    sqlTimer.timing = true;
    const cpu = process.cpuUsage();
    t = performance.now();
    const result = await sweeper.sweep();
    const sweepMs = performance.now() - t;
    const cpuUsed = process.cpuUsage(cpu);
    sqlTimer.timing = false;
    const statements = [...sqlTimer.totals]
      .map(([label, total]) => ({ label, ...total }))
      .sort((a, b) => b.ms - a.ms);
    const byKind = await client.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE send_after = $1
        GROUP BY kind ORDER BY kind`,
      [SWEEP_AT],
    );
    return {
      cloneMs,
      liveActions: live,
      historyRows: history,
      dueRows,
      findDueMs: warm.map((w) => w.ms),
      findDueColdMs: cold.ms,
      findDueRows: cold.rows,
      claimPlan,
      wholePlanSummary,
      sweepMs,
      checked: result.checked,
      created: result.created,
      enqueued: result.enqueued,
      createdByKind: byKind.rows.map((row) => `${row.kind} ${int(row.n)}`).join(', ') || 'none',
      dueAfter: await due(),
      nodeCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
      statements,
      redisMs,
    };
  } finally {
    await client.end();
    await ref.close();
    await deleteKeys(sharedRedisUrl, prefix);
    await dropDatabase(serverUrl, RUN_DB);
  }
}

// --- Part 2: emails per second -----------------------------------------------------------

interface MailFigures {
  recordMs: number;
  recorded: number;
  enqueueMs: number;
  deliverMs: number;
  sent: number;
  failed: number;
  cancelled: number;
  pending: number;
  sinkReceived: number;
  workerCpuMs: number;
  sinkCpuMs: number;
  concurrency: string;
}

async function prepareMailDatabase(): Promise<string> {
  const url = urlOf(MAIL_DB);
  await prepareDatabase(url, true);
  await loadReminderData(url, MAIL_SHAPE, 'due-in-7-days', log);
  await withClient(url, async (client) => {
    // Exactly one email per action: no digests, and the assignments were emailed long ago.
    await client.query(`UPDATE councils SET notification_settings = '{"weeklyDigest": false}'`);
    await client.query(`UPDATE reminder_schedule SET assignment_seq = 0`);
  });
  return url;
}

async function statusCounts(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notifications GROUP BY status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function measureMail(url: string): Promise<MailFigures> {
  log(`==> Part 2: ${int(MAIL_COUNT)} reminders through one worker to an SMTP sink`);
  // The reminders are recorded by the real sweep (queue left out), then queued in one go.
  const recorderPrefix = privatePrefix();
  const recorder = await sweepContext(
    benchEnv(url, sharedRedisUrl, recorderPrefix),
    MAIL_AT,
    'none',
  );
  let t = performance.now();
  let recorded: SweepResult;
  let recordMs: number;
  try {
    recorded = await recorder.get(ReminderSweeper).sweep();
    recordMs = performance.now() - t;
  } finally {
    await recorder.close();
    await deleteKeys(sharedRedisUrl, recorderPrefix);
  }
  log(
    `  sweep recorded ${int(recorded.created)} reminders for ${int(recorded.checked)} actions in ${seconds(recordMs)}`,
  );

  const sink = await startSink();
  const prefix = privatePrefix();
  const env = benchEnv(url, sharedRedisUrl, prefix, { SMTP_URL: sink.url });
  const client = new Client({ connectionString: url });
  await client.connect();
  let worker: TestingModule | undefined;
  try {
    const builder = Test.createTestingModule({ imports: [WorkerModule.forRoot({ env })] });
    builder.overrideProvider(Clock).useValue(fixedClock(MAIL_AT.toISOString()));
    // The bench queues the emails itself, so the clock starts when they are queued.
    builder.overrideProvider(SweepScheduler).useValue({});
    worker = await builder.compile();
    worker.useLogger(worker.get(Logger));
    await worker.init();
    const { rows } = await client.query<{ batch_key: string }>(
      `SELECT DISTINCT batch_key FROM notifications WHERE status = 'pending' ORDER BY batch_key`,
    );
    const keys = rows.map((row) => row.batch_key);
    log(
      `  worker up (MAIL_CONCURRENCY ${env.MAIL_CONCURRENCY ?? 'default'}); ${int(keys.length)} batches pending`,
    );

    const sinkBefore = await sink.stats();
    const cpu = process.cpuUsage();
    t = performance.now();
    await worker.get(RemindersQueue).deliver(keys);
    const enqueueMs = performance.now() - t;
    let counts = await statusCounts(client);
    let lastReport = performance.now();
    while ((counts.pending ?? 0) > 0 && performance.now() - t < MAIL_TIMEOUT_MS) {
      await new Promise((wait) => setTimeout(wait, 50));
      counts = await statusCounts(client);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(`  ${int(counts.sent ?? 0)} sent after ${seconds(lastReport - t)}`);
      }
    }
    const deliverMs = performance.now() - t;
    const cpuUsed = process.cpuUsage(cpu);
    const sinkAfter = await sink.stats();
    return {
      recordMs,
      recorded: recorded.created,
      enqueueMs,
      deliverMs,
      sent: counts.sent ?? 0,
      failed: counts.failed ?? 0,
      cancelled: counts.cancelled ?? 0,
      pending: counts.pending ?? 0,
      sinkReceived: sinkAfter.received - sinkBefore.received,
      workerCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
      sinkCpuMs: sinkAfter.cpuMs - sinkBefore.cpuMs,
      concurrency: env.MAIL_CONCURRENCY ?? '8',
    };
  } finally {
    await client.end();
    await worker?.close();
    await sink.stop();
    await deleteKeys(sharedRedisUrl, prefix);
  }
}

// --- Part 3: Redis memory per pending job ------------------------------------------------

interface RedisFigures {
  server: string;
  before: number;
  after: number;
  jobs: number;
  waiting: number;
  jobHash: number;
  waitList: number;
  events: number;
  eventsLength: number;
  keys: number;
}

/** Batch keys shaped like the sweeper's (UUIDs), but the same on every run. */
function batchKey(i: number): string {
  const hex = createHash('sha256').update(`batch-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function measureRedis(databaseUrl: string): Promise<RedisFigures> {
  log(`==> Part 3: Redis memory for ${int(REDIS_JOBS)} pending deliver jobs (no worker)`);
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const spawnError = new Promise<never>((_, fail) => server.once('error', fail));
  const url = `redis://127.0.0.1:${port}`;
  await Promise.race([waitForRedis(url, server), spawnError]);
  const prefix = 'bench';
  const redis = new Redis(url);
  let ref: TestingModule | undefined;
  try {
    const version = infoField(await redis.info('server'), 'redis_version');
    ref = await sweepContext(benchEnv(databaseUrl, url, prefix), MAIL_AT, 'real');
    const queue = ref.get(RemindersQueue);
    const mail = ref.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
    await mail.waitUntilReady();
    // One job added and removed first: BullMQ's scripts and queue metadata are loaded once per
    // server, not per job, so they stay out of the difference.
    await queue.deliver(['warm-up']);
    await mail.remove('warm-up');
    await redis.xtrim(`${prefix}:${QueueName.Mail}:events`, 'MAXLEN', 0);
    const used = async (): Promise<number> =>
      Number(infoField(await redis.info('memory'), 'used_memory'));
    const before = await used();
    const keys = Array.from({ length: REDIS_JOBS }, (_, i) => batchKey(i));
    await queue.deliver(keys);
    await new Promise((wait) => setTimeout(wait, 200));
    const after = await used();
    const usage = async (key: string): Promise<number> =>
      Number((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0);
    return {
      server: `private redis-server ${version} on port ${port}`,
      before,
      after,
      jobs: REDIS_JOBS,
      waiting: await mail.getWaitingCount(),
      jobHash: await usage(`${prefix}:${QueueName.Mail}:${keys[0]}`),
      waitList: await usage(`${prefix}:${QueueName.Mail}:wait`),
      events: await usage(`${prefix}:${QueueName.Mail}:events`),
      eventsLength: await redis.xlen(`${prefix}:${QueueName.Mail}:events`),
      keys: await redis.dbsize(),
    };
  } finally {
    await ref?.close();
    redis.disconnect();
    server.kill('SIGTERM');
    await exited(server);
  }
}

// --- Report ------------------------------------------------------------------------------

interface Row {
  metric: string;
  figure: number;
  unit: string;
  target: number;
  /** 'max': pass when figure <= target; 'min': pass when figure >= target. */
  kind: 'max' | 'min';
  note?: string;
}

function printTable(rows: readonly Row[]): boolean {
  const widths = [58, 12, 12, 8, 6] as const;
  log(
    [
      'metric'.padEnd(widths[0]),
      'figure'.padStart(widths[1]),
      'target'.padStart(widths[2]),
      'ratio'.padStart(widths[3]),
      'pass'.padStart(widths[4]),
    ].join(' '),
  );
  let all = true;
  for (const row of rows) {
    const ratio = row.figure / row.target;
    const pass = row.kind === 'max' ? row.figure <= row.target : row.figure >= row.target;
    all &&= pass;
    const digits = row.figure >= 100 ? 0 : 2;
    log(
      [
        row.metric.padEnd(widths[0]),
        `${row.figure.toFixed(digits)} ${row.unit}`.padStart(widths[1]),
        `${row.kind === 'max' ? '≤' : '≥'} ${row.target} ${row.unit}`.padStart(widths[2]),
        ratio.toFixed(2).padStart(widths[3]),
        (pass ? 'yes' : 'NO').padStart(widths[4]),
      ].join(' '),
    );
    if (row.note) log(`  ${row.note}`);
  }
  return all;
}

async function machineFacts(): Promise<void> {
  const cpu = cpus();
  log(`Command: npm run bench -- reminders   (node ${process.argv.slice(1).join(' ')})`);
  log(
    `Machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, Node ${process.version}`,
  );
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest(
         ARRAY['server_version', 'shared_buffers', 'work_mem', 'synchronous_commit', 'jit']) name`,
    );
    log(`Postgres: ${rows.map((row) => `${row.name}=${row.setting}`).join(', ')}`);
  });
  const redis = new Redis(sharedRedisUrl, { maxRetriesPerRequest: 3 });
  try {
    const info = await redis.info();
    log(
      `Redis (${sharedRedisUrl}): ${infoField(info, 'redis_version')}, maxmemory_policy ` +
        infoField(info, 'maxmemory_policy'),
    );
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  log('followthrough reminders benchmark');
  await machineFacts();
  sqlTimer.install();
  const rows: Row[] = [];

  if (parts.has('sweep')) {
    const s = await measureSweep();
    const sorted = [...s.findDueMs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    const claimSql = s.statements.find((st) => st.label.startsWith('claim due actions'));
    const sqlMs = s.statements.reduce((sum, st) => sum + st.ms, 0);
    log('');
    log(`  EXPLAIN (ANALYZE, BUFFERS) of the first batch (LIMIT 500):`);
    for (const line of s.claimPlan) log(`    ${line}`);
    log(`  EXPLAIN (ANALYZE, BUFFERS) of the whole due set (outline):`);
    for (const line of s.wholePlanSummary) log(`    ${line}`);
    log('');
    log(
      `  (b) full sweep at ${SWEEP_AT.toISOString()}: ${seconds(s.sweepMs)}; checked ${int(s.checked)}, ` +
        `created ${int(s.created)} (${s.createdByKind}), enqueued ${int(s.enqueued)}; ` +
        `still due after it: ${int(s.dueAfter)}`,
    );
    log(`      where the time went (SQL timed at the driver, including result parsing):`);
    for (const st of s.statements) {
      log(
        `        ${st.label.padEnd(60)} ${String(st.count).padStart(6)} x ${seconds(st.ms).padStart(9)} ` +
          `${((st.ms / s.sweepMs) * 100).toFixed(0).padStart(3)}%`,
      );
    }
    log(
      `        ${'Redis: queue.deliver (addBulk)'.padEnd(60)} ${''.padStart(6)}   ${seconds(s.redisMs).padStart(9)} ` +
        `${((s.redisMs / s.sweepMs) * 100).toFixed(0).padStart(3)}%`,
    );
    const rest = s.sweepMs - sqlMs - s.redisMs;
    log(
      `        ${'the rest: planning in JS, connections, awaiting'.padEnd(60)} ${''.padStart(6)}   ` +
        `${seconds(rest).padStart(9)} ${((rest / s.sweepMs) * 100).toFixed(0).padStart(3)}%`,
    );
    log(
      `      Node CPU during the sweep: ${seconds(s.nodeCpuMs)} (the rest is Postgres and waiting)`,
    );
    rows.push(
      {
        metric: `find what is due: claiming SELECT, whole due set (${int(s.findDueRows)} rows)`,
        figure: median / 1000,
        unit: 's',
        target: TARGET_FIND_DUE_S,
        kind: 'max',
        note: `median of 3 warm runs; cold first run ${seconds(s.findDueColdMs)}; copy of the data made in ${seconds(s.cloneMs)}`,
      },
      {
        metric: `find what is due inside the sweep (${claimSql?.count ?? 0} claims of 500)`,
        figure: (claimSql?.ms ?? 0) / 1000,
        unit: 's',
        target: TARGET_FIND_DUE_S,
        kind: 'max',
      },
      {
        metric: `full sweep: ${int(s.checked)} actions, ${int(s.created)} notifications`,
        figure: s.sweepMs / 1000,
        unit: 's',
        target: TARGET_FIND_DUE_S,
        kind: 'max',
        note: 'the 1 s target is for finding what is due; the full sweep also plans, records and queues a whole day',
      },
    );
  }

  let mailUrl: string | undefined;
  if (parts.has('mail') || parts.has('redis')) {
    log(`==> Database ${MAIL_DB}`);
    mailUrl = await prepareMailDatabase();
  }
  try {
    if (parts.has('mail') && mailUrl) {
      const m = await measureMail(mailUrl);
      const rate = m.sent / (m.deliverMs / 1000);
      log(
        `  enqueue ${int(MAIL_COUNT)} jobs: ${seconds(m.enqueueMs)}; all done after ${seconds(m.deliverMs)}: ` +
          `sent ${int(m.sent)}, failed ${m.failed}, cancelled ${m.cancelled}, still pending ${m.pending}; ` +
          `the sink accepted ${int(m.sinkReceived)}`,
      );
      log(
        `  CPU while delivering: worker (this process) ${seconds(m.workerCpuMs)}, sink ${seconds(m.sinkCpuMs)} ` +
          `of ${seconds(m.deliverMs)} wall`,
      );
      if (m.sent !== MAIL_COUNT || m.sinkReceived !== m.sent) {
        log(`  WARNING: expected ${MAIL_COUNT} sent and received, see the counts above`);
      }
      rows.push(
        {
          metric: `deliver ${int(MAIL_COUNT)} emails, enqueue -> all sent (concurrency ${m.concurrency})`,
          figure: m.deliverMs / 1000,
          unit: 's',
          target: TARGET_MAIL_S,
          kind: 'max',
        },
        {
          metric: 'emails per second, one worker',
          figure: rate,
          unit: '/s',
          target: TARGET_EMAILS_PER_S,
          kind: 'min',
        },
      );
    }
    if (parts.has('redis') && mailUrl) {
      const r = await measureRedis(mailUrl);
      const perJob = (r.after - r.before) / r.jobs;
      log(
        `  ${r.server}: used_memory ${int(r.before)} -> ${int(r.after)} bytes for ${int(r.jobs)} jobs ` +
          `(${int(r.waiting)} waiting, ${int(r.keys)} keys)`,
      );
      log(
        `  MEMORY USAGE: one job hash ${int(r.jobHash)} B, wait list ${int(r.waitList)} B ` +
          `(${(r.waitList / r.jobs).toFixed(0)} B/job), events stream ${int(r.events)} B for ` +
          `${int(r.eventsLength)} entries (capped near 10,000 whatever the number of jobs)`,
      );
      rows.push({
        metric: 'Redis memory per pending deliver job',
        figure: perJob / 1024,
        unit: 'KB',
        target: TARGET_BYTES_PER_JOB / 1024,
        kind: 'max',
      });
    }
  } finally {
    if (mailUrl) await dropDatabase(serverUrl, MAIL_DB);
  }

  log('');
  const all = printTable(rows);
  log('');
  log(
    `Ratio = figure / target. Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}. All met: ${all ? 'yes' : 'no'}.`,
  );
}

main().then(
  // Pooled connections (BullMQ, pg) would keep the process alive for a while otherwise.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
