import { registerAs, type ConfigType } from '@nestjs/config';
import type { EnvDto } from './env.dto';
import { readEnvironment } from './read-environment';
import { validateEnvKeys, type RawEnv } from './validate-env';

const DATABASE_ENV_KEYS = ['DATABASE_URL'] as const;

export function toDatabaseConfig(env: Pick<EnvDto, (typeof DATABASE_ENV_KEYS)[number]>) {
  return { url: env.DATABASE_URL };
}

/**
 * Validates and reads only DATABASE_URL: the CLI's migration commands and
 * migrations/data-source.ts use this, so they do not demand REDIS_URL.
 */
export function loadDatabaseConfig(raw: RawEnv = readEnvironment()) {
  return toDatabaseConfig(validateEnvKeys(raw, DATABASE_ENV_KEYS));
}

/** Inject with `@Inject(databaseConfig.KEY) config: DatabaseConfig`. */
export const databaseConfig = registerAs('database', () => loadDatabaseConfig());
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
