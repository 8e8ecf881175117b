import type { DatabaseConfig } from '@app/config';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

// This file sits three folders below the folder that holds migrations/ both in the source tree
// (libs/database/src -> ./migrations, for ts-jest and ts-node) and in a build
// (dist/apps/<app>/libs/database/src -> dist/apps/<app>/migrations, compiled to .js).
const ROOT = join(__dirname, '..', '..', '..');

/**
 * Only `<timestamp>-<Name>` files are migrations: migrations/data-source.ts lives in the same
 * folder and must not be loaded as one.
 */
export const MIGRATIONS_GLOB = join(ROOT, 'migrations', '[0-9]*-*.{ts,js}');

/** Entities by convention (`libs/<domain>/src/**\/*.entity.ts`), for the CLI data source. */
export const ENTITIES_GLOB = join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}');

/**
 * Options shared by the Nest apps, the CLI and the TypeORM CLI. The schema changes only through
 * migrations, and only when someone runs them (never on boot).
 */
export function databaseOptions(config: DatabaseConfig): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: config.url,
    synchronize: false,
    migrationsRun: false,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    // One transaction per migration: a failure keeps the ones before it applied.
    migrationsTransactionMode: 'each',
    logging: false,
    // node-postgres defaults to 10; the worker holds one connection per email in flight
    // (MAIL_CONCURRENCY, up to 16) beside the sweep's. Connections open only when needed.
    extra: { max: 30 },
  };
}

/**
 * A DataSource for code outside Nest. Running migrations needs no entities (the CLI, test
 * setup); generating one does (`withEntities`, used by migrations/data-source.ts), and then the
 * `@app/*` imports between libs must resolve, which the TypeORM CLI does via tsconfig-paths.
 */
export function createDataSource(
  config: DatabaseConfig,
  { withEntities = false }: { withEntities?: boolean } = {},
): DataSource {
  return new DataSource({
    ...databaseOptions(config),
    entities: withEntities ? [ENTITIES_GLOB] : [],
  });
}
