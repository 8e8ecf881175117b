import { registerAs, type ConfigType } from '@nestjs/config';
import type { EnvDto } from './env.dto';
import { readEnvironment } from './read-environment';
import { validateEnvKeys, type RawEnv } from './validate-env';

const REDIS_ENV_KEYS = ['REDIS_URL', 'QUEUE_PREFIX'] as const;

export function toRedisConfig(env: Pick<EnvDto, (typeof REDIS_ENV_KEYS)[number]>) {
  return {
    url: env.REDIS_URL,
    /** Prepended to every BullMQ key, so several deployments (or test files) can share a Redis. */
    queuePrefix: env.QUEUE_PREFIX,
  };
}

/** Validates and reads only the Redis variables, for code that runs without Nest. */
export function loadRedisConfig(raw: RawEnv = readEnvironment()) {
  return toRedisConfig(validateEnvKeys(raw, REDIS_ENV_KEYS));
}

/** Inject with `@Inject(redisConfig.KEY) config: RedisConfig`. */
export const redisConfig = registerAs('redis', () => loadRedisConfig());
export type RedisConfig = ConfigType<typeof redisConfig>;
