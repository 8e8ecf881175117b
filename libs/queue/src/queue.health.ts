import { checkWithin, type HealthCheckOptions } from '@app/common';
import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';

/** One queue's backlog as GET /health reports it. */
export interface QueueCounts {
  /** Ready to run, not yet picked up by a worker (including prioritised and paused jobs). */
  waiting: number;
  active: number;
  /** Scheduled for later: retries waiting out their backoff, and future jobs. */
  delayed: number;
  /** Gave up after their last attempt (kept for a while, see each queue's removeOnFail). */
  failed: number;
  /** Worker connections on this queue; null when Redis will not list clients (CLIENT LIST). */
  workers: number | null;
}

/** What the indicator needs from a BullMQ queue (and what its unit test fakes). */
export type InspectableQueue = Pick<Queue, 'name' | 'getJobCounts' | 'getWorkersCount'>;

async function countsOf(queue: InspectableQueue): Promise<QueueCounts> {
  const [counts, workers] = await Promise.all([
    queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
    // Some managed Redis services disable CLIENT LIST. That is no reason to call the queues
    // down: the counts above already prove Redis answers.
    queue.getWorkersCount().catch(() => null),
  ]);
  return {
    // BullMQ adds `paused` itself when asked for `waiting`.
    waiting: (counts.waiting ?? 0) + (counts.paused ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    workers,
  };
}

/**
 * Terminus indicator: each queue's backlog and worker count. A backlog or a missing worker is
 * information, not failure (the API still accepts work and the jobs wait in Redis), so the check
 * is `down` only when Redis does not answer.
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(private readonly health: HealthIndicatorService) {}

  check<const Key extends string>(
    key: Key,
    queues: readonly InspectableQueue[],
    options: HealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    // BullMQ's connection queues commands while Redis is away (it never gives up), so without
    // the timeout a probe would hang instead of reporting the outage.
    return checkWithin(this.health, key, { ...options, what: 'Queue counts' }, async () =>
      Object.fromEntries(
        await Promise.all(
          queues.map(async (queue) => [queue.name, await countsOf(queue)] as const),
        ),
      ),
    );
  }
}
