import { WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * Closes every BullMQ worker before anything else shuts down. @nestjs/bullmq closes workers in
 * onApplicationShutdown, in the same round as TypeORM closes its pool, in no guaranteed order;
 * closing them one phase earlier lets running jobs finish while the database is still there.
 * Worker.close() waits for active jobs, and calling it again later is harmless.
 */
@Injectable()
export class DrainWorkersService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DrainWorkersService.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    this.logger.log(
      `Stopping ${workers.length} worker(s)${signal ? ` on ${signal}` : ''}; waiting for running jobs`,
    );
    await Promise.all(workers.map((worker) => worker.close()));
    this.logger.log('Workers stopped');
  }
}
