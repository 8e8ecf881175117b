import { redisConfig, type RedisConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';
import { SystemQueue } from './system.queue';

/**
 * BullMQ on REDIS_URL, with every key under QUEUE_PREFIX. Import once per app; the API uses the
 * producers, the worker adds processors on top.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig) => ({
        connection: redisConnectionOptions(config.url),
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.System }),
  ],
  providers: [SystemQueue],
  exports: [BullModule, SystemQueue],
})
export class QueueModule {}
