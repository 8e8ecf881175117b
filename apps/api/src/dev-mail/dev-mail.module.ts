import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';
import { DevMailSink } from './dev-mail-sink';

/**
 * The development mail sink and its viewer (/dev/mail). Always imported: whether it runs is
 * decided from config at boot (mailConfig.devSinkPort > 0, development only), and when it does
 * not, its routes answer 404 like any unknown route.
 */
@Module({
  controllers: [DevMailController],
  providers: [DevMailSink],
})
export class DevMailModule {}
