import { ClockModule, LoggingModule } from '@app/common';
import { AppConfigModule, type AppConfigModuleOptions } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule, RedisPolicyModule } from '@app/queue';
import { ReminderJobsModule } from '@app/reminders';
import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DrainWorkersService } from './drain-workers.service';
import { MailProcessor } from './mail/mail.processor';
import { RemindersProcessor } from './reminders/reminders.processor';
import { SweepScheduler } from './reminders/sweep-scheduler';
import { SystemProcessor } from './system/system.processor';

/**
 * The background worker: no HTTP, just BullMQ processors. `forRoot()` reads the process
 * environment; tests pass `{ env }` instead.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: AppConfigModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(options),
        LoggingModule.forRoot({ service: 'worker' }),
        DatabaseModule,
        // Before anything uses Redis: stops boot if it may evict queued jobs.
        RedisPolicyModule,
        QueueModule,
        ClockModule,
        DiscoveryModule,
        ReminderJobsModule,
      ],
      providers: [
        DrainWorkersService,
        // Processors, one per queue (`*.processor.ts extends WorkerHost`).
        SystemProcessor,
        MailProcessor,
        RemindersProcessor,
        SweepScheduler,
      ],
    };
  }
}
