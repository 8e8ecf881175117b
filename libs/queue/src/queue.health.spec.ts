import { HealthIndicatorService } from '@nestjs/terminus';
import { type InspectableQueue, QueueHealthIndicator } from './queue.health';

type Counts = Record<string, number>;

function fakeQueue(
  name: string,
  counts: () => Promise<Counts>,
  workers: () => Promise<number> = () => Promise.resolve(1),
): InspectableQueue & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    name,
    asked,
    getJobCounts: (...types: string[]) => {
      asked.push(types);
      return counts();
    },
    getWorkersCount: workers,
  };
}

const indicator = () => new QueueHealthIndicator(new HealthIndicatorService());

describe('QueueHealthIndicator', () => {
  it('is up with each queue’s counts and workers', async () => {
    const mail = fakeQueue('mail', () =>
      Promise.resolve({ waiting: 3, paused: 1, prioritized: 2, active: 4, delayed: 5, failed: 6 }),
    );
    const system = fakeQueue(
      'system',
      () =>
        Promise.resolve({
          waiting: 0,
          paused: 0,
          prioritized: 0,
          active: 0,
          delayed: 0,
          failed: 0,
        }),
      () => Promise.resolve(0),
    );
    await expect(indicator().check('queues', [mail, system])).resolves.toEqual({
      queues: {
        status: 'up',
        mail: { waiting: 6, active: 4, delayed: 5, failed: 6, workers: 1 },
        system: { waiting: 0, active: 0, delayed: 0, failed: 0, workers: 0 },
      },
    });
    expect(mail.asked).toEqual([['waiting', 'prioritized', 'active', 'delayed', 'failed']]);
  });

  it('stays up, with workers null, when Redis will not list clients', async () => {
    const queue = fakeQueue(
      'mail',
      () => Promise.resolve({ waiting: 1 }),
      () => Promise.reject(new Error("ERR unknown command 'CLIENT'")),
    );
    await expect(indicator().check('queues', [queue])).resolves.toEqual({
      queues: {
        status: 'up',
        mail: { waiting: 1, active: 0, delayed: 0, failed: 0, workers: null },
      },
    });
  });

  it('is down with the reason when Redis fails', async () => {
    const queue = fakeQueue('mail', () => Promise.reject(new Error('ECONNREFUSED')));
    await expect(indicator().check('queues', [queue])).resolves.toEqual({
      queues: { status: 'down', message: 'ECONNREFUSED' },
    });
  });

  it('is down when Redis does not answer in time', async () => {
    const queue = fakeQueue('mail', () => new Promise(() => undefined));
    await expect(indicator().check('queues', [queue], { timeoutMs: 20 })).resolves.toEqual({
      queues: { status: 'down', message: 'Queue counts timed out after 20 ms' },
    });
  });

  it('is up with nothing to report when there are no queues', async () => {
    await expect(indicator().check('queues', [])).resolves.toEqual({
      queues: { status: 'up' },
    });
  });
});
