import { redisConfig, type RedisConfig } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';
import { SystemQueue } from './system.queue';

/**
 * BullMQ on REDIS_URL, with every key under QUEUE_PREFIX as a hash tag (`{followthrough}:mail:…`,
 * see hashTaggedPrefix), so the keys of one queue share a Redis Cluster slot as BullMQ's scripts
 * need. Import once per app; the API uses the producers, the worker adds processors on top.
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
    BullModule.registerQueue(
      { name: QueueName.System },
      {
        name: QueueName.Mail,
        defaultJobOptions: {
          // Postgres records every email's fate (sent, failed, cancelled). A finished job kept
          // here would also block its batch key from being queued again, so none is kept.
          removeOnComplete: true,
          removeOnFail: true,
        },
      },
      {
        name: QueueName.Reminders,
        defaultJobOptions: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: true,
          removeOnFail: { count: 1_000, age: 7 * 24 * 3600 },
        },
      },
    ),
  ],
  providers: [SystemQueue],
  exports: [BullModule, SystemQueue],
})
export class QueueModule {}
