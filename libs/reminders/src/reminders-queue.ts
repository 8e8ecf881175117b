import { withTimeout } from '@app/common';
import { mailConfig, type MailConfig } from '@app/config';
import {
  type CheckActionJobData,
  type DeliverJobData,
  MailJob,
  QueueName,
  RemindersJob,
} from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/** Typed producer for the `mail` and `reminders` queues; the worker consumes both. */
@Injectable()
export class RemindersQueue {
  constructor(
    @InjectQueue(QueueName.Mail) private readonly mail: Queue<DeliverJobData, void, MailJob>,
    @InjectQueue(QueueName.Reminders)
    private readonly reminders: Queue<CheckActionJobData, void, RemindersJob>,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
    @InjectPinoLogger(RemindersQueue.name) private readonly logger: PinoLogger,
  ) {}

  /**
   * One job per batch of pending notifications. The batch key is the job id, so a batch
   * already waiting, running or backing off is not queued twice, however often a sweep asks.
   */
  async deliver(batchKeys: readonly string[]): Promise<void> {
    if (batchKeys.length === 0) return;
    await this.mail.addBulk(
      batchKeys.map((batchKey) => ({
        name: MailJob.Deliver,
        data: { batchKey },
        opts: {
          jobId: batchKey,
          attempts: this.config.attempts,
          backoff: { type: 'exponential', delay: this.config.retryDelayMs },
        },
      })),
    );
  }

  /**
   * Queue a batch that was marked failed and is pending again. Its last job may linger for a
   * moment after failing, and a job id still in use would swallow the new one.
   */
  async redeliver(batchKey: string): Promise<void> {
    const previous = await this.mail.getJob(batchKey);
    if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) {
      await previous.remove();
    }
    await this.deliver([batchKey]);
  }

  /**
   * Look at one action now rather than at the next sweep (after someone changed it). Never
   * throws: the change is saved and its trigger has already marked the action for the next
   * sweep, so a Redis outage only delays an assignment email, it does not fail the request.
   */
  async checkAction(actionId: string): Promise<void> {
    try {
      // No job id: checking twice is harmless, and a fixed id would let a failed job block the next.
      // BullMQ waits for Redis to come back rather than failing; a request should not.
      await withTimeout(
        this.reminders.add(RemindersJob.CheckAction, { actionId }),
        2_000,
        'Redis did not answer within 2 s',
      );
    } catch (error) {
      this.logger.warn(
        { err: error, actionId },
        'Could not queue a reminder check; the sweep will',
      );
    }
  }
}
