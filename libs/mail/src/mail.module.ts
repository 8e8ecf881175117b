import { Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** Sending email. Needs the global config (AppConfigModule) and logger (LoggingModule). */
@Module({
  providers: [Mailer],
  exports: [Mailer],
})
export class MailModule {}
