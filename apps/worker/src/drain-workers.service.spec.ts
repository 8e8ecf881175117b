import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { DrainWorkersService } from './drain-workers.service';

class FakeHost extends WorkerHost {
  closed = false;

  constructor() {
    super();
    // WorkerHost.worker is a getter over this field, set by @nestjs/bullmq in a real app.
    Object.assign(this, {
      _worker: {
        close: () => {
          this.closed = true;
          return Promise.resolve();
        },
      },
    });
  }

  process(_job: Job): Promise<void> {
    return Promise.resolve();
  }
}

describe('DrainWorkersService', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('closes every WorkerHost provider and ignores other providers', async () => {
    const first = new FakeHost();
    const second = new FakeHost();
    const discovery = {
      getProviders: () => [
        { instance: first },
        { instance: { close: jest.fn() } },
        { instance: second },
      ],
    } as unknown as DiscoveryService;

    await new DrainWorkersService(discovery).beforeApplicationShutdown('SIGTERM');

    expect(first.closed).toBe(true);
    expect(second.closed).toBe(true);
  });
});
