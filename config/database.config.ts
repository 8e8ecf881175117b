import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto } from './env.dto';

const DATABASE_ENV_KEYS = ['DATABASE_URL'] as const;

export function toDatabaseConfig(env: Pick<EnvDto, (typeof DATABASE_ENV_KEYS)[number]>) {
  return { url: env.DATABASE_URL };
}

const database = configNamespace('database', DATABASE_ENV_KEYS, toDatabaseConfig);

/**
 * Validates and reads only DATABASE_URL: the CLI's migration commands and
 * migrations/data-source.ts use this, so they do not demand REDIS_URL.
 */
export const loadDatabaseConfig = database.load;

/** Inject with `@Inject(databaseConfig.KEY) config: DatabaseConfig`. */
export const databaseConfig = database.config;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
