import { withTimeout } from '@app/common';
import { redisConfig, type RedisConfig } from '@app/config';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis-connection';

/** What the check needs from an ioredis client (and what its unit test fakes). */
export interface PolicyCheckedRedis {
  info(section: 'memory'): Promise<string>;
  readonly options: { host?: string; port?: number };
}

/** `host:port` as people write it, with brackets around an IPv6 address. */
function addressOf(client: PolicyCheckedRedis): string {
  const host = client.options.host ?? 'localhost';
  return `${host.includes(':') ? `[${host}]` : host}:${client.options.port ?? 6379}`;
}

/** The `maxmemory_policy` line of an `INFO memory` reply, or null when it is missing. */
export function maxmemoryPolicyOf(info: string): string | null {
  return /^maxmemory_policy:(.*)$/m.exec(info)?.[1]?.trim() ?? null;
}

/**
 * Throws unless Redis refuses writes when full instead of evicting keys. Under any other policy
 * a full Redis silently drops queued jobs (a reminder that is never sent, with no error anywhere),
 * so both apps refuse to start on one.
 */
export async function assertNoEviction(client: PolicyCheckedRedis): Promise<void> {
  const policy = maxmemoryPolicyOf(await client.info('memory'));
  if (policy === 'noeviction') return;
  throw new Error(
    `Redis at ${addressOf(client)} uses maxmemory-policy ${policy ?? '(not reported)'}; ` +
      'BullMQ needs noeviction, or queued jobs can be evicted silently. Set it with ' +
      '`CONFIG SET maxmemory-policy noeviction` (and in redis.conf).',
  );
}

/** How long boot waits for Redis before giving up with a clear message. */
export const POLICY_CHECK_TIMEOUT_MS = 10_000;

/**
 * Runs assertNoEviction() on REDIS_URL at boot, on a connection of its own that is closed
 * straight after. It fails fast: BullMQ's own connections retry forever, so an unreachable Redis
 * would otherwise leave the app up and silently not working.
 */
@Injectable()
export class RedisPolicyCheck implements OnModuleInit {
  constructor(@Inject(redisConfig.KEY) private readonly config: RedisConfig) {}

  async onModuleInit(): Promise<void> {
    const client = new Redis({
      ...redisConnectionOptions(this.config.url),
      connectionName: `${this.config.queuePrefix}-policy-check`,
      lazyConnect: true,
      connectTimeout: POLICY_CHECK_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      // One attempt: the error below is clearer than a reconnect loop.
      retryStrategy: () => null,
    });
    // With no retries, connect() rejects with a bare "Connection is closed"; the error event
    // has the reason (ECONNREFUSED, ENOTFOUND, a TLS failure...). Listening also stops ioredis
    // from printing it.
    let reason: Error | undefined;
    client.on('error', (error: Error) => {
      reason = error;
    });
    const where = addressOf(client);
    try {
      // connectTimeout covers the TCP connect; this also covers a server that accepts the
      // connection but never answers (a TLS/plain mix-up, a stuck proxy).
      await withTimeout(
        client.connect(),
        POLICY_CHECK_TIMEOUT_MS,
        `no answer in ${POLICY_CHECK_TIMEOUT_MS / 1000} s`,
      );
    } catch (error) {
      client.disconnect();
      // `error` is always an Error here: ioredis's own, or the timeout's.
      const message = reason?.message ?? (error as Error).message;
      throw new Error(`Cannot connect to Redis at ${where} (REDIS_URL): ${message}`);
    }
    try {
      await assertNoEviction(client);
    } finally {
      client.disconnect();
    }
  }
}
