import { mailConfig, type MailConfig } from '@app/config';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import {
  createTransport,
  type NodemailerError,
  type SMTPPoolSentMessageInfo,
  type Transporter,
} from 'nodemailer';
import { headerSafe } from './templates/header-safe';

export interface OutgoingMail {
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  /**
   * Chosen by the caller and the same on every retry (`<batchKey@followthrough>`), so a mail
   * system that gets a message twice can tell.
   */
  messageId: string;
  /** Extra headers. Values are made single-line; names must be plain tokens. */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** The server's final reply, e.g. "250 OK: queued as ABC123". */
  response: string;
}

const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * Sends email over a pooled SMTP connection (SMTP_URL). It does not retry: a rejected or failed
 * send throws, and the caller's job decides whether to try again.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPPoolSentMessageInfo>;

  constructor(
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
    @InjectPinoLogger(Mailer.name) private readonly logger: PinoLogger,
  ) {
    // Connections open on first use, so building the app never waits for the mail server.
    this.transporter = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: config.concurrency,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    // Errors on idle pooled connections are reported here rather than to a send; without a
    // listener an EventEmitter 'error' would crash the process.
    this.transporter.on('error', (error: Error) => {
      this.logger.warn({ err: error }, 'SMTP connection error');
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const headers: Record<string, string> = {
      // RFC 3834: tells out-of-office responders not to answer.
      'Auto-Submitted': 'auto-generated',
    };
    for (const [name, value] of Object.entries(mail.headers ?? {})) {
      if (!HEADER_NAME.test(name)) throw new Error(`Not a valid mail header name: ${name}`);
      headers[name] = headerSafe(value);
    }
    try {
      const info = await this.transporter.sendMail({
        from: this.config.from,
        to: { name: headerSafe(mail.to.name), address: mail.to.email },
        subject: headerSafe(mail.subject),
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers,
      });
      // Never the body or the address: ids are enough to trace a message.
      this.logger.info({ messageId: info.messageId, response: info.response }, 'Mail accepted');
      return { messageId: info.messageId, response: info.response };
    } catch (caught) {
      const error: Partial<NodemailerError> = caught instanceof Error ? caught : {};
      this.logger.warn(
        {
          messageId: mail.messageId,
          code: error.code,
          responseCode: error.responseCode,
          command: error.command,
        },
        'Mail not accepted',
      );
      throw caught;
    }
  }

  /** Connects (and logs in, if SMTP_URL has credentials) to check the mail server is usable. */
  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
