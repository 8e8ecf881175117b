import { remindersConfig, type RemindersConfig } from '@app/config';
import { ReminderSweeper } from '@app/reminders';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/**
 * Runs the reminder sweep at start-up and every REMINDER_SWEEP_EVERY after the last one ended.
 * A timer in the process rather than a repeatable BullMQ job: the schedule must survive Redis
 * losing everything, and sweeps from several workers are safe together (SKIP LOCKED).
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sweeper: ReminderSweeper,
    @Inject(remindersConfig.KEY) private readonly config: RemindersConfig,
    @InjectPinoLogger(SweepScheduler.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.next(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A sweep in progress finishes its batch while the database is still there.
    await this.running;
  }

  private next(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => {
        this.running = undefined;
        this.next(this.config.sweepEveryMs);
      });
    }, delayMs);
  }

  private async sweep(): Promise<void> {
    try {
      await this.sweeper.sweep();
    } catch (error) {
      // The next sweep starts from Postgres again, so one failure loses nothing.
      this.logger.error({ err: error }, 'Reminder sweep failed');
    }
  }
}
