/**
 * Databases for e2e tests: the jest globalSetup (default export) migrates a template database
 * once per run; each test file then clones it with createTestDatabase(), which is fast and
 * leaves files free to run in parallel.
 *
 * Relative imports only: jest does not apply moduleNameMapper to globalSetup.
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/database/src/database.options';

export const TEMPLATE_DATABASE = 'followthrough_test_template';
const TEST_DATABASE_PREFIX = 'ft_test_';

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
  await withAdmin(async (admin) => {
    // Databases left by an interrupted run: nothing else uses this prefix.
    const rows: { datname: string }[] = await admin.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${quoted(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted(TEMPLATE_DATABASE)}`);
  });

  // The same options (and migrations glob) as the apps and the CLI.
  const dataSource = createDataSource({ url: databaseUrl(TEMPLATE_DATABASE) });
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
    admin.query(`DROP DATABASE IF EXISTS ${quoted(TEMPLATE_DATABASE)} WITH (FORCE)`),
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
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  const template = migrated ? quoted(TEMPLATE_DATABASE) : 'template0';
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
