import { withTimeout } from '@app/common';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** Token for the ioredis client the health check PINGs with. */
export const REDIS_HEALTH_CLIENT = Symbol('REDIS_HEALTH_CLIENT');

/** What the indicator needs from an ioredis client (and what its unit test fakes). */
export interface PingableRedis {
  ping(): Promise<string>;
  disconnect(): void;
}

/** Terminus indicator: PINGs REDIS_URL and reports `up` only on PONG. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_HEALTH_CLIENT) private readonly redis: PingableRedis,
    private readonly health: HealthIndicatorService,
  ) {}

  async pingCheck<const Key extends string>(
    key: Key,
    { timeoutMs = 1_000 }: { timeoutMs?: number } = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      const reply = await withTimeout(
        this.redis.ping(),
        timeoutMs,
        `Redis PING timed out after ${timeoutMs} ms`,
      );
      return reply === 'PONG'
        ? indicator.up()
        : indicator.down({ message: `Unexpected PING reply: ${reply}` });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'PING failed' });
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
