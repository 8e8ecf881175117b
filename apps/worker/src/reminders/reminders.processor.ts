import { type CheckActionJobData, QueueName, RemindersJob } from '@app/queue';
import { ReminderSweeper } from '@app/reminders';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';

/** Looks at one action as soon as the API changed it, so an assignment email goes at once. */
@Processor(QueueName.Reminders)
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly sweeper: ReminderSweeper) {
    super();
  }

  async process(job: Job<CheckActionJobData, void, RemindersJob>): Promise<void> {
    const name = job.name;
    switch (name) {
      case RemindersJob.CheckAction:
        return this.sweeper.checkAction(job.data.actionId);
      default: {
        const unknown: never = name;
        throw new UnrecoverableError(`Unknown job name on the reminders queue: ${String(unknown)}`);
      }
    }
  }
}
