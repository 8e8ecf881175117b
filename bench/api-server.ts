/**
 * What the API and pages benchmarks share: their settings, the 1,000,000-action data set, and
 * the built API started as in production against it.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { databaseUrlFor, isLoaded, loadData, prepareDatabase } from './api-data';
import { log, start } from './http-load';

/** The built API: what the benches measure, unless they are given another build's main.js. */
export const API_MAIN = join(resolve(__dirname, '../../..'), 'dist/apps/api/apps/api/src/main.js');

/** BENCH_DURATION (s, default 10), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (10), BENCH_RELOAD=1. */
export const settings = {
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 2),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  reload: process.env.BENCH_RELOAD === '1',
  databaseUrl:
    process.env.BENCH_DATABASE_URL ??
    databaseUrlFor('followthrough_bench', process.env.DATABASE_URL),
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** Requests rotate over this many councils, so no single council's data stays hottest. */
export const COUNCILS_IN_ROTATION = 10;

/** Migrates the bench database, and loads the data set unless it is there (or BENCH_RELOAD=1). */
export async function ensureData(): Promise<void> {
  const { databaseUrl, reload } = settings;
  log(`==> Database ${new URL(databaseUrl).pathname.slice(1)}`);
  await prepareDatabase(databaseUrl, false);
  if (reload || !(await isLoaded(databaseUrl))) {
    log(reload ? '  reloading (BENCH_RELOAD=1)' : '  no complete data set: loading');
    await prepareDatabase(databaseUrl, true);
    await loadData(databaseUrl, log);
  } else {
    log('  data already loaded (BENCH_RELOAD=1 to rebuild)');
  }
}

export interface StartApiOptions {
  /** Another database than the 1,000,000-action one. */
  databaseUrl?: string;
  /** Another build's main.js (BENCH_COMPARE_API_MAIN), for before/after figures. */
  main?: string;
  queuePrefix?: string;
}

/** A built API on `port`, as in production, against the bench database. */
export function startApi(port: number, options: StartApiOptions = {}): ChildProcess {
  return start(options.main ?? API_MAIN, {
    NODE_ENV: 'production',
    // Production refuses an http APP_URL; the benches send cookies by hand, Secure or not.
    APP_URL: 'https://actions.example.gov.uk',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl ?? settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    // Required at start-up; nothing in these benchmarks sends mail.
    SMTP_URL: 'smtp://127.0.0.1:9',
    JWT_SECRET: randomBytes(48).toString('base64'),
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: options.queuePrefix ?? 'bench',
    // Ten or twenty sign-ins from one address in a second: above the production limits.
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000',
  });
}
