import { mailConfig, type MailConfig } from '@app/config';
import { type DeliverJobData, MailJob, QueueName } from '@app/queue';
import { DeliveryService } from '@app/reminders';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';

/**
 * Sends emails. A killed worker's job is noticed after its lock lapses (lockDuration) and
 * runs again; meanwhile the rows it held were unlocked by Postgres when its connection died.
 */
@Processor(QueueName.Mail, { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 3 })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly delivery: DeliveryService,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // The decorator's options are fixed at build time; concurrency comes from MAIL_CONCURRENCY.
    this.worker.concurrency = this.config.concurrency;
  }

  async process(job: Job<DeliverJobData, void, MailJob>): Promise<void> {
    const name = job.name;
    switch (name) {
      case MailJob.Deliver: {
        const result = await this.delivery.deliver(job.data.batchKey);
        // Thrown so BullMQ backs off and tries again; the row already counts the attempt.
        if (result.outcome === 'retry') throw result.error;
        // The row is marked failed (GET /notifications?status=failed): no more attempts.
        if (result.outcome === 'failed') throw new UnrecoverableError(result.error.message);
        return;
      }
      default: {
        const unknown: never = name;
        throw new UnrecoverableError(`Unknown job name on the mail queue: ${String(unknown)}`);
      }
    }
  }
}
