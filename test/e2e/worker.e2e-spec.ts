import { QueueName, redisConnectionOptions, SystemQueue } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, type Queue, QueueEvents } from 'bullmq';
import { SystemProcessor } from '../../apps/worker/src/system/system.processor';
import { createTestWorker, type TestWorker } from '../support/worker';

describe('worker (e2e)', () => {
  let worker: TestWorker;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await createTestWorker();
    events = new QueueEvents(QueueName.System, {
      connection: redisConnectionOptions(worker.env.REDIS_URL ?? ''),
      prefix: worker.env.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await worker?.close();
  });

  it('processes a ping enqueued through SystemQueue and stores the result', async () => {
    const job = await worker.moduleRef.get(SystemQueue).ping();
    expect(job.opts).toMatchObject({
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    });

    await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ pong: true });

    const queue = worker.moduleRef.get<Queue>(getQueueToken(QueueName.System));
    const stored = await Job.fromId(queue, job.id ?? '');
    expect(stored?.returnvalue).toEqual({ pong: true });
    expect(stored?.attemptsMade).toBe(1);
    // The prefix keeps this file's jobs apart from every other file's.
    expect(queue.opts.prefix).toBe(worker.env.QUEUE_PREFIX);
  });

  it('stops its BullMQ worker when the app closes', async () => {
    const processor = worker.moduleRef.get(SystemProcessor);
    expect(processor.worker.isRunning()).toBe(true);
    await worker.close();
    expect(processor.worker.isRunning()).toBe(false);
    expect(processor.worker.closing).toBeDefined();
  });
});
