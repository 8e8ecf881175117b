import { EnvValidationError } from '@app/config';
import { Test } from '@nestjs/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CLI_ENV } from '../../apps/cli/src/cli-env';
import { CliOutput } from '../../apps/cli/src/cli-output';
import { CliModule } from '../../apps/cli/src/cli.module';
import { MigrationRevertCommand } from '../../apps/cli/src/migration/migration-revert.command';
import { MigrationRunCommand } from '../../apps/cli/src/migration/migration-run.command';
import { createTestDatabase, type TestDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

/** Runs apps/cli/src/main.ts in a child process with exactly `env` (no inherited variables). */
function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      timeout: 60_000,
    },
  );
}

async function withDatabase<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource({ type: 'postgres', url });
  await db.initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Names in the migrations table, newest first (the order revert undoes them in). */
async function executedMigrations(url: string): Promise<string[]> {
  const rows: { name: string }[] = await withDatabase(url, (db) =>
    db.query('SELECT name FROM migrations ORDER BY id DESC'),
  );
  return rows.map((row) => row.name);
}

async function cliWith(env: Record<string, string>) {
  const lines: Record<string, unknown>[] = [];
  const moduleRef = await Test.createTestingModule({ imports: [CliModule] })
    .overrideProvider(CLI_ENV)
    .useValue(env)
    .overrideProvider(CliOutput)
    .useValue({ line: (record: Record<string, unknown>) => lines.push(record) })
    .compile();
  return { moduleRef, lines };
}

describe('cli (e2e)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    // Empty, not cloned from the migrated template: this is a first deploy.
    database = await createTestDatabase({ migrated: false });
  });

  afterAll(() => database?.drop());

  it('boots with no environment at all', async () => {
    const { moduleRef } = await cliWith({});
    expect(moduleRef.get(MigrationRunCommand)).toBeInstanceOf(MigrationRunCommand);
    await moduleRef.close();
  });

  it('migration:run applies every migration once and reports each one', async () => {
    const { moduleRef, lines } = await cliWith({ DATABASE_URL: database.url });
    await moduleRef.get(MigrationRunCommand).run();
    const applied = lines.slice(0, -1);
    expect(lines.at(-1)).toEqual({ event: 'migrations_done', applied: applied.length });
    expect(applied.every((line) => line.event === 'migration_applied')).toBe(true);
    expect(await executedMigrations(database.url)).toHaveLength(applied.length);

    // A second run has nothing left to do.
    lines.length = 0;
    await moduleRef.get(MigrationRunCommand).run();
    expect(lines).toEqual([{ event: 'migrations_done', applied: 0 }]);
    await moduleRef.close();
  });

  it('migration:revert undoes one migration at a time, then says there is nothing left', async () => {
    const { moduleRef, lines } = await cliWith({ DATABASE_URL: database.url });
    const before = await executedMigrations(database.url);
    for (const name of before) {
      await moduleRef.get(MigrationRevertCommand).run();
      expect(lines.at(-1)).toEqual({ event: 'migration_reverted', name });
    }
    await moduleRef.get(MigrationRevertCommand).run();
    expect(lines.at(-1)).toEqual({ event: 'nothing_to_revert' });
    expect(await executedMigrations(database.url)).toEqual([]);
    await moduleRef.close();
  });

  it('migration commands demand DATABASE_URL when they run', async () => {
    const { moduleRef } = await cliWith({});
    await expect(moduleRef.get(MigrationRunCommand).run()).rejects.toThrow(EnvValidationError);
    await moduleRef.close();
  });

  it('prints one line and exits 1 without DATABASE_URL, 2 on a usage error', () => {
    const missing = runCli(['migration:run']);
    expect(missing.stderr).toBe(
      'Invalid environment: DATABASE_URL is required (a postgres:// URL)\n',
    );
    expect(missing.status).toBe(1);

    const usage = runCli(['no-such-command']);
    expect(usage.stderr).toBe("error: unknown command 'no-such-command' (see --help)\n");
    expect(usage.status).toBe(2);
  });
});
