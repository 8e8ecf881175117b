import { authConfig, type AuthConfig, redisConfig, type RedisConfig } from '@app/config';
import { normaliseEmail } from '@app/people';
import { redisConnectionOptions } from '@app/queue';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { TryAgainLater } from '@app/common';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';

export const TOO_MANY_ATTEMPTS = 'Too many attempts; wait a minute and try again';

const ONE_MINUTE_MS = 60_000;

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The one count of password guesses, per client address and per account, whichever door they
 * come through: POST /api/auth/login, the sign-in page, and the current-password check on My
 * settings all charge the same Redis keys, so every API process and every door share one budget
 * (LOGIN_ATTEMPTS_PER_MINUTE per account, LOGIN_ATTEMPTS_PER_IP_PER_MINUTE per address). Each
 * attempt is counted before the password is checked, so concurrent guesses cannot slip past,
 * and right ones count too. Keys hold digests: Redis never stores an email or an address.
 */
@Injectable()
export class SignInLimiter implements OnApplicationShutdown {
  private readonly storage: ThrottlerStorageRedisService;
  private readonly keyPrefix: string;

  constructor(
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
    @Inject(redisConfig.KEY) redis: RedisConfig,
  ) {
    this.keyPrefix = `${redis.queuePrefix}:sign-in`;
    this.storage = new ThrottlerStorageRedisService({
      ...redisConnectionOptions(redis.url),
      connectionName: `${redis.queuePrefix}-sign-in`,
      // During a Redis outage a sign-in fails within a second or two (a 503), rather than
      // waiting for Redis to come back as BullMQ's connections do.
      maxRetriesPerRequest: 1,
      commandTimeout: 2_000,
    });
    // Failures reach the caller as rejected commands; without a listener ioredis would also
    // print every failed reconnect.
    this.storage.redis.on('error', () => undefined);
  }

  /**
   * Counts one password attempt on the account `email` names (trimmed, any case) from the
   * client's address `ip` (req.ip: TRUST_PROXY_HOPS decides how far X-Forwarded-For is
   * believed). Over either limit it throws 429 with its Retry-After; the attempt must not go on.
   */
  async charge(ip: string | undefined, email: string): Promise<void> {
    const budgets = [
      { name: 'ip', tracker: ip ?? '', limit: this.auth.loginAttemptsPerIpPerMinute },
      { name: 'account', tracker: normaliseEmail(email), limit: this.auth.loginAttemptsPerMinute },
    ];
    // The address first, as a blocked address must not go on to use up the account's budget.
    for (const { name, tracker, limit } of budgets) {
      if (tracker === '') continue;
      const record = await this.storage.increment(
        `${this.keyPrefix}:${name}:${digest(tracker)}`,
        ONE_MINUTE_MS,
        limit,
        ONE_MINUTE_MS,
        name,
      );
      if (record.isBlocked) {
        throw new TryAgainLater(TOO_MANY_ATTEMPTS, record.timeToBlockExpire);
      }
    }
  }

  onApplicationShutdown(): void {
    this.storage.onModuleDestroy();
  }
}
