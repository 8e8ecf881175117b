import { Public } from '@app/auth';
import type { CaughtMail } from '@app/mail';
import { Controller, Get, Header, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DevMailEnabledGuard } from './dev-mail-enabled.guard';
import { DevMailSink } from './dev-mail-sink';

export interface DevMailSummary {
  id: string;
  receivedAt: Date;
  to: string[];
  subject: string;
}

export interface DevMailList {
  /** Newest first. */
  items: DevMailSummary[];
  total: number;
}

/**
 * A local mail viewer for development (DEV_MAIL_SINK_PORT > 0 and NODE_ENV=development): what the
 * worker sent to the sink, without a real mail server. Public because it is a tool on the
 * developer's own machine, like a MailHog page; everywhere else these routes are 404 and the sink
 * does not run. Not part of the API contract, so hidden from /docs.
 */
@ApiExcludeController()
@Public()
@UseGuards(DevMailEnabledGuard)
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly sink: DevMailSink) {}

  @Get()
  list(): DevMailList {
    const messages = this.sink.messages();
    const items = messages
      .map(({ id, receivedAt, to, subject }) => ({ id, receivedAt, to, subject }))
      .reverse();
    return { items, total: messages.length };
  }

  @Get(':id')
  one(@Param('id') id: string): CaughtMail {
    return this.caught(id);
  }

  /** The HTML part as a page, to see the email as a mail client would. */
  @Get(':id/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  // Anyone on this machine can send the sink anything: the page may show it, never run it.
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  html(@Param('id') id: string): string {
    const mail = this.caught(id);
    if (!mail.html) throw new NotFoundException('That message has no HTML part');
    return mail.html;
  }

  private caught(id: string): CaughtMail {
    const mail = this.sink.find(id);
    if (!mail) throw new NotFoundException('No caught message with that id');
    return mail;
  }
}
