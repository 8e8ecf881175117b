import { hashTaggedPrefix } from '@app/config';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from '../../libs/queue/src/redis-connection';

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * One prefix per test file, so parallel files never see each other's jobs. In braces, as in
 * production (a Redis Cluster hash tag), so every e2e test runs on keys like `{ft_test_…}:mail:…`.
 */
export function uniqueQueuePrefix(): string {
  return `{ft_test_${Math.random().toString(36).slice(2, 10)}}`;
}

/**
 * Deletes every BullMQ key under `prefix` as the apps use it (braced, see hashTaggedPrefix):
 * what a test file's queues left behind. Braces are not special in SCAN's pattern.
 */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis({ ...redisConnectionOptions(redisUrl), lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    const pattern = `${hashTaggedPrefix(prefix)}:*`;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
