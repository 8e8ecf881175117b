import type { MailConfig } from '@app/config';
import type { PinoLogger } from 'nestjs-pino';
import { MailSink } from './mail-sink';
import { Mailer, type OutgoingMail } from './mailer';

function fakeLogger() {
  return { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
}

function configFor(smtpUrl: string): MailConfig {
  return {
    smtpUrl,
    from: 'followthrough <no-reply@example.org>',
    appUrl: 'http://localhost:3000',
    attempts: 6,
    retryDelayMs: 30_000,
    concurrency: 2,
    devSinkPort: 0,
  };
}

const mail: OutgoingMail = {
  to: { name: 'Priya Shah', email: 'priya@example.org' },
  subject: 'Due in 7 days: STK-1 Improve supervision',
  text: 'Hello Priya,\n\nThis action is due in 7 days.\n',
  html: '<p>Hello Priya,</p><p>This action is due in 7 days.</p>',
  messageId: '<reminder-abc@followthrough>',
};

describe('Mailer', () => {
  let sink: MailSink;
  let mailer: Mailer;
  let logger: ReturnType<typeof fakeLogger>;

  beforeEach(async () => {
    sink = new MailSink();
    const { url } = await sink.start();
    logger = fakeLogger();
    mailer = new Mailer(configFor(url), logger as unknown as PinoLogger);
  });

  afterEach(async () => {
    mailer.onApplicationShutdown();
    await sink.stop();
  });

  it('sends text and HTML from the configured sender, keeping the given Message-ID', async () => {
    const sent = await mailer.send({ ...mail, headers: { 'X-Followthrough-Kind': 'due_soon' } });
    expect(sent).toEqual({
      messageId: '<reminder-abc@followthrough>',
      response: expect.stringMatching(/^250 /) as string,
    });

    const [caught] = await sink.waitFor(1);
    expect(caught).toMatchObject({
      from: 'followthrough <no-reply@example.org>',
      to: ['priya@example.org'],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: '<reminder-abc@followthrough>',
    });
    expect(caught?.headers).toMatchObject({
      to: 'Priya Shah <priya@example.org>',
      'auto-submitted': 'auto-generated',
      'x-followthrough-kind': 'due_soon',
    });
  });

  it('keeps a recipient name and subject with CRLF on one line', async () => {
    await mailer.send({
      ...mail,
      to: { name: 'Priya\r\nBcc: evil@example.org', email: 'priya@example.org' },
      subject: 'Title\r\nBcc: evil@example.org',
      headers: { 'X-Note': 'a\r\nBcc: evil@example.org' },
    });
    const [caught] = await sink.waitFor(1);
    expect(caught?.to).toEqual(['priya@example.org']);
    expect(caught?.headers).not.toHaveProperty('bcc');
    expect(caught?.headers.to).not.toMatch(/[\r\n]/);
    expect(caught?.headers.to).toContain('priya@example.org');
    expect(caught?.subject).toBe('Title Bcc: evil@example.org');
    expect(caught?.headers['x-note']).toBe('a Bcc: evil@example.org');
  });

  it('refuses a header name that is not a plain token', async () => {
    await expect(mailer.send({ ...mail, headers: { 'Bad\r\nName': 'x' } })).rejects.toThrow(
      'Not a valid mail header name',
    );
    expect(sink.messages()).toEqual([]);
  });

  it('throws when the server refuses, and logs ids but never the body', async () => {
    sink.failNext(1);
    await expect(mailer.send(mail)).rejects.toMatchObject({ responseCode: 451 });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: mail.messageId, responseCode: 451 }),
      'Mail not accepted',
    );

    await mailer.send(mail);
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: mail.messageId }),
      'Mail accepted',
    );
    const logged = JSON.stringify([logger.info.mock.calls, logger.warn.mock.calls]);
    expect(logged).not.toContain('This action is due');
    expect(logged).not.toContain('priya@example.org');
  });

  it('verify checks the server answers', async () => {
    await expect(mailer.verify()).resolves.toBeUndefined();
    const closed = new Mailer(
      configFor('smtp://127.0.0.1:9'),
      fakeLogger() as unknown as PinoLogger,
    );
    try {
      await expect(closed.verify()).rejects.toMatchObject({ code: 'ESOCKET' });
    } finally {
      closed.onApplicationShutdown();
    }
  });
});
