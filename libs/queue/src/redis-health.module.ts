import { redisConfig, type RedisConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis-connection';
import { REDIS_HEALTH_CLIENT, RedisHealthIndicator } from './redis.health';

/**
 * The Redis readiness check, for apps that serve /health. It has its own small connection:
 * BullMQ's client does not expose PING, and a probe should fail fast rather than wait for
 * BullMQ's endless reconnects.
 */
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: REDIS_HEALTH_CLIENT,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => {
        const client = new Redis({
          ...redisConnectionOptions(config.url),
          connectionName: `${config.queuePrefix}-health`,
          // A PING sent while reconnecting waits for one retry, then fails (and the indicator
          // has its own timeout on top).
          maxRetriesPerRequest: 1,
        });
        // Connection errors surface as a `down` result; without a listener ioredis would also
        // print every failed reconnect to stderr.
        client.on('error', () => undefined);
        return client;
      },
    },
    RedisHealthIndicator,
  ],
  exports: [RedisHealthIndicator],
})
export class RedisHealthModule {}
