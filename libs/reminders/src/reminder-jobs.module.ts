import { MailModule } from '@app/mail';
import { MeasuresModule } from '@app/measures';
import { Module } from '@nestjs/common';
import { DeliveryService } from './delivery/delivery.service';
import { RemindersModule } from './reminders.module';
import { ReminderSweeper } from './sweep/reminder-sweeper';

/** What the worker runs: the sweep that works out what is owed, and sending it. */
@Module({
  imports: [RemindersModule, MailModule, MeasuresModule],
  providers: [ReminderSweeper, DeliveryService],
  exports: [ReminderSweeper, DeliveryService, RemindersModule],
})
export class ReminderJobsModule {}
