import { authConfig, type AuthConfig, redisConfig, type RedisConfig } from '@app/config';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ExecutionContext } from '@nestjs/common';
import { type ThrottlerAsyncOptions, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { REFRESH_COOKIE } from '../web/web-session';

export const IP_THROTTLER = 'ip';
export const ACCOUNT_THROTTLER = 'account';

const ONE_MINUTE_MS = 60_000;

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The account an attempt is on, so each has its own budget: the email a sign-in names,
 * lower-cased; or, for a signed-in person confirming their password (which names no email),
 * their session's refresh cookie.
 */
function accountOf(request: Record<string, unknown>): string {
  const body = request.body as { email?: unknown } | undefined;
  if (typeof body?.email === 'string') return body.email.trim().toLowerCase();
  const cookies = request.cookies as Record<string, string | undefined> | undefined;
  return cookies?.[REFRESH_COOKIE] ? `session:${cookies[REFRESH_COOKIE]}` : '';
}

/**
 * Login attempts limited per client IP and per account, counted in Redis so the limit holds
 * across API instances and restarts. Keys hold digests, so Redis never stores an email.
 */
export const loginThrottleOptions: ThrottlerAsyncOptions = {
  inject: [authConfig.KEY, redisConfig.KEY],
  useFactory: (auth: AuthConfig, redis: RedisConfig): ThrottlerModuleOptions => ({
    storage: new ThrottlerStorageRedisService(redis.url, { lazyConnect: false }),
    errorMessage: 'Too many attempts; wait a minute and try again',
    // One budget per route: attempts on one route must not use up another's.
    generateKey: (context: ExecutionContext, tracker: string, throttler: string) =>
      `${redis.queuePrefix}:throttle:${throttler}:${context.getClass().name}.${context.getHandler().name}:${digest(tracker)}`,
    throttlers: [
      { name: IP_THROTTLER, ttl: ONE_MINUTE_MS, limit: auth.loginAttemptsPerIpPerMinute },
      {
        name: ACCOUNT_THROTTLER,
        ttl: ONE_MINUTE_MS,
        limit: auth.loginAttemptsPerMinute,
        getTracker: (request) => `account:${accountOf(request)}`,
      },
    ],
  }),
};
