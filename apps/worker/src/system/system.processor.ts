import {
  type PingJobResult,
  QueueName,
  SystemJob,
  type SystemJobData,
  type SystemJobResult,
} from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/** Consumes the `system` queue. Handlers are idempotent: BullMQ may deliver a job twice. */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost {
  constructor(@InjectPinoLogger(SystemProcessor.name) private readonly logger: PinoLogger) {
    super();
  }

  async process(job: Job<SystemJobData, SystemJobResult, SystemJob>): Promise<SystemJobResult> {
    const name = job.name;
    switch (name) {
      case SystemJob.Ping:
        return this.ping(job);
      default: {
        // A name this build does not know (e.g. from a newer API): retrying will not help.
        const unknown: never = name;
        throw new UnrecoverableError(`Unknown job name on the system queue: ${String(unknown)}`);
      }
    }
  }

  private ping(job: Job): Promise<PingJobResult> {
    this.logger.info({ jobId: job.id, jobName: job.name, attempt: job.attemptsMade + 1 }, 'pong');
    return Promise.resolve({ pong: true });
  }
}
