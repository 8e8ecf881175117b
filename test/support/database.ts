/**
 * Databases for e2e tests: the jest globalSetup (default export) migrates a template database
 * once per run; each test file then clones it with createTestDatabase(), which is fast and
 * leaves files free to run in parallel.
 *
 * Every name carries the run's id (`<epoch seconds>_<random>`), so two runs on one server (two
 * terminals, a watcher) never drop each other's databases; leftovers of interrupted runs are
 * dropped once they are a few hours old.
 *
 * Relative imports only: jest does not apply moduleNameMapper to globalSetup.
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/database/src/database.options';

const TEST_DATABASE_PREFIX = 'ft_test_';
const TEMPLATE_PREFIX = 'ft_template_';
/** Set by globalSetup; jest's workers inherit it. */
const RUN_ENV = 'FT_TEST_RUN';
const STALE_AFTER_SECONDS = 6 * 60 * 60;

function runId(): string {
  const id = process.env[RUN_ENV];
  if (!id) throw new Error(`${RUN_ENV} is not set: run e2e tests through jest (its globalSetup).`);
  return id;
}

function templateName(): string {
  return `${TEMPLATE_PREFIX}${runId()}`;
}

/** The run a database belongs to was started at this epoch second (null: not ours). */
function startedAt(name: string): number | null {
  const match = /^ft_(?:test|template)_(\d{10})_/.exec(name);
  return match ? Number(match[1]) : null;
}

/** The server tests create databases on (any database on it; we only use it to connect). */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a short-lived connection to the admin database. */
async function withAdmin<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = new DataSource({ type: 'postgres', url: adminDatabaseUrl(), poolSize: 1 });
  await admin.initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

// Names are generated or constant, never user input, so interpolating them is safe; quoting
// keeps Postgres from folding case.
const quoted = (name: string): string => `"${name}"`;

export default async function globalSetup(): Promise<void> {
  process.env[RUN_ENV] = `${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const template = templateName();
  await withAdmin(async (admin) => {
    const rows: { datname: string }[] = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'ft\\_%'`,
    );
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const started = startedAt(datname);
      if (started !== null && now - started > STALE_AFTER_SECONDS) {
        await admin.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
      }
    }
    await admin.query(`CREATE DATABASE ${quoted(template)}`);
  });

  // The same options (and migrations glob) as the apps and the CLI.
  const dataSource = createDataSource({ url: databaseUrl(template) });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // Cloning fails while anyone is connected to the template.
    await dataSource.destroy();
  }
}

export async function dropTemplateDatabase(): Promise<void> {
  await withAdmin((admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${quoted(templateName())} WITH (FORCE)`),
  );
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, migrated (cloned from the template) unless
 * `migrated: false` asks for an empty one. Call drop() in afterAll.
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${runId()}_${randomBytes(4).toString('hex')}`;
  const template = migrated ? quoted(templateName()) : 'template0';
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      await withAdmin((admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`),
      );
    },
  };
}
