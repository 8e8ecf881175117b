import { mailConfig, type MailConfig } from '@app/config';
import { type CaughtMail, MailSink } from '@app/mail';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/**
 * The development mail sink inside the API process: it listens on DEV_MAIL_SINK_PORT (honoured
 * only when NODE_ENV=development) so the worker can send reminders to it with
 * SMTP_URL=smtp://127.0.0.1:<port>, and /dev/mail shows what arrived. With the port at 0 it never
 * listens.
 */
@Injectable()
export class DevMailSink implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sink: MailSink;

  constructor(
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
    @InjectPinoLogger(DevMailSink.name) private readonly logger: PinoLogger,
  ) {
    this.sink = new MailSink({
      // A client dropping its connection is routine for a mail server, not worth a warning.
      onError: (error) => this.logger.debug({ err: error }, 'Dev mail sink connection error'),
    });
  }

  get enabled(): boolean {
    return this.config.devSinkPort > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    // A taken port fails the boot: a dev who asked for the sink should not silently lose mail.
    const { url } = await this.sink.start(this.config.devSinkPort);
    this.logger.info({ url }, 'Development mail sink listening; caught mail is at GET /dev/mail');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sink.stop();
  }

  /** Oldest first. */
  messages(): CaughtMail[] {
    return this.sink.messages();
  }

  find(id: string): CaughtMail | undefined {
    return this.sink.find(id);
  }
}
