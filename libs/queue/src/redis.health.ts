import { checkWithin, type HealthCheckOptions } from '@app/common';
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

  pingCheck<const Key extends string>(
    key: Key,
    options: HealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    return checkWithin(
      this.health,
      key,
      { ...options, what: 'Redis PING', failed: 'PING failed' },
      async () => {
        const reply = await this.redis.ping();
        if (reply !== 'PONG') throw new Error(`Unexpected PING reply: ${reply}`);
        return {};
      },
    );
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
