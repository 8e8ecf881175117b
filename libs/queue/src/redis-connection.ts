import type { RedisOptions } from 'ioredis';

/**
 * ioredis options for a redis:// or rediss:// URL (REDIS_URL has been validated as one).
 * `maxRetriesPerRequest: null` is what BullMQ requires: its blocking commands must wait for a
 * reconnect instead of failing after a few retries.
 */
export function redisConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) {
    throw new Error('REDIS_URL: the path must be a database number, as in redis://host:6379/2');
  }
  return {
    // WHATWG URL keeps the brackets of an IPv6 host; ioredis wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
