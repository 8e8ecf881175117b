import { loadDatabaseConfig, type RawEnv } from '@app/config';
import { createDataSource } from '@app/database';
import type { DataSource } from 'typeorm';

/** Validates DATABASE_URL (only), connects, and always disconnects after `work`. */
export async function withMigrationDataSource<T>(
  env: RawEnv,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = createDataSource(loadDatabaseConfig(env));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
