import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import {
  type PingJobData,
  type PingJobResult,
  QueueName,
  SystemJob,
  type SystemJobData,
  type SystemJobResult,
} from './queue-names';

/** Typed producer for the `system` queue. The worker's SystemProcessor consumes it. */
@Injectable()
export class SystemQueue {
  constructor(
    @InjectQueue(QueueName.System)
    private readonly queue: Queue<SystemJobData, SystemJobResult, SystemJob>,
  ) {}

  /**
   * A round trip through Redis and the worker, to check a deployment end to end. Pings have no
   * business key, so BullMQ picks the job id: every ping is meant to run.
   */
  ping(): Promise<Job<PingJobData, PingJobResult, SystemJob>> {
    return this.queue.add(
      SystemJob.Ping,
      {},
      {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
        // Enough history to debug with, bounded so Redis does not grow forever.
        removeOnComplete: { count: 100, age: 24 * 3600 },
        removeOnFail: { count: 1_000, age: 7 * 24 * 3600 },
      },
    );
  }
}
