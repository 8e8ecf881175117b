import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto } from './env.dto';

const REDIS_ENV_KEYS = ['REDIS_URL', 'QUEUE_PREFIX'] as const;

/**
 * QUEUE_PREFIX as a Redis Cluster hash tag: `followthrough` becomes `{followthrough}`, and one
 * given in braces stays as it is. BullMQ's scripts touch several keys of a queue at once, which a
 * cluster allows only when they share a hash slot; the slot is chosen by the part in braces, so
 * every key under `{followthrough}:` lands in one. Wrapping rather than refusing a bare name keeps
 * existing settings working: after the change jobs live under the new keys, and the next sweep
 * queues every pending email there again from Postgres.
 */
export function hashTaggedPrefix(prefix: string): string {
  return /^\{.*\}$/.test(prefix) ? prefix : `{${prefix}}`;
}

export function toRedisConfig(env: Pick<EnvDto, (typeof REDIS_ENV_KEYS)[number]>) {
  return {
    url: env.REDIS_URL,
    /**
     * Prepended to every BullMQ key (and the login counters), so several deployments (or test
     * files) can share a Redis; always a hash tag (see hashTaggedPrefix).
     */
    queuePrefix: hashTaggedPrefix(env.QUEUE_PREFIX),
  };
}

const redis = configNamespace('redis', REDIS_ENV_KEYS, toRedisConfig);

/** Validates and reads only the Redis variables, for code that runs without Nest. */
export const loadRedisConfig = redis.load;

/** Inject with `@Inject(redisConfig.KEY) config: RedisConfig`. */
export const redisConfig = redis.config;
export type RedisConfig = ConfigType<typeof redisConfig>;
