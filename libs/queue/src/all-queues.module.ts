import { getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names';
import { QueueModule } from './queue.module';

/** Token for every BullMQ queue (`Queue[]`, in QueueName order), for health and the board. */
export const ALL_QUEUES = Symbol('ALL_QUEUES');

/**
 * Provides ALL_QUEUES: one entry per QueueName value. A name added to QueueName without a
 * BullModule.registerQueue() in QueueModule fails at boot here, rather than going unmonitored.
 */
@Module({
  imports: [QueueModule],
  providers: [
    {
      provide: ALL_QUEUES,
      inject: Object.values(QueueName).map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]): Queue[] => queues,
    },
  ],
  exports: [ALL_QUEUES],
})
export class AllQueuesModule {}
