import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RemindersHealthIndicator } from './reminders.health';

/** The reminders check for apps that serve /health (needs the app's DatabaseModule). */
@Module({
  imports: [TerminusModule],
  providers: [RemindersHealthIndicator],
  exports: [RemindersHealthIndicator],
})
export class RemindersHealthModule {}
