import { connect, createServer, type Server, type Socket } from 'node:net';
import { createTransport, type NodemailerError, type SMTPTransportOptions } from 'nodemailer';
import { MailSink } from './mail-sink';

/** A plain (non-pooled) nodemailer client, as a real sender would use. */
function clientFor(port: number, extra: Pick<SMTPTransportOptions, 'getSocket'> = {}) {
  return createTransport({ host: '127.0.0.1', port, secure: false, ...extra });
}

/** A getSocket hook that opens the connection itself and keeps the socket for the test. */
const connectCapturing: SMTPTransportOptions['getSocket'] = (options, callback) => {
  const socket = connect(Number(options.port), options.host ?? '127.0.0.1', () =>
    callback(null, { connection: socket }),
  );
  socket.once('error', (error) => callback(error));
  captured.push(socket);
};
let captured: Socket[] = [];

const message = {
  from: 'followthrough <no-reply@example.org>',
  to: { name: 'Priya Shah', address: 'priya@example.org' },
  subject: 'Due in 7 days: STK-1 Improve supervision',
  text: 'Hello Priya,\n\nThis action is due in 7 days.\n',
  html: '<p>Hello Priya,</p><p>This action is due in 7 days.</p>',
  messageId: '<batch-1@followthrough>',
  headers: { 'X-Followthrough-Kind': 'due_soon' },
};

describe('MailSink', () => {
  let sink: MailSink;
  let port: number;

  beforeEach(async () => {
    captured = [];
    sink = new MailSink();
    ({ port } = await sink.start());
  });

  afterEach(async () => {
    for (const socket of captured) socket.destroy();
    await sink.stop();
  });

  it('reports its address', async () => {
    const other = new MailSink();
    const started = await other.start();
    await other.stop();
    expect(started.url).toBe(`smtp://127.0.0.1:${started.port}`);
    expect(started.port).toBeGreaterThan(0);
  });

  it('records what a real SMTP client sends', async () => {
    const info = await clientFor(port).sendMail({ ...message, bcc: 'audit@example.org' });
    expect(info.response).toMatch(/^250 /);

    const [caught] = sink.messages();
    expect(caught).toEqual({
      id: '1',
      receivedAt: expect.any(Date) as Date,
      from: 'followthrough <no-reply@example.org>',
      to: ['priya@example.org', 'audit@example.org'],
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: '<batch-1@followthrough>',
      headers: expect.objectContaining({
        'x-followthrough-kind': 'due_soon',
        to: 'Priya Shah <priya@example.org>',
        'message-id': '<batch-1@followthrough>',
      }) as Record<string, string>,
    });
    // Bcc is an envelope matter: it never appears in the delivered headers.
    expect(caught?.headers).not.toHaveProperty('bcc');
    expect(sink.find('1')).toEqual(caught);
    expect(sink.find('2')).toBeUndefined();
  });

  it('accepts any login', async () => {
    const client = createTransport({
      url: `smtp://someone:anything@127.0.0.1:${port}`,
    });
    await client.sendMail(message);
    expect(sink.messages()).toHaveLength(1);
  });

  it('keeps messages oldest first, numbers them, and clears', async () => {
    const client = clientFor(port);
    await client.sendMail({ ...message, subject: 'first' });
    await client.sendMail({ ...message, subject: 'second' });
    expect(sink.messages().map((m) => [m.id, m.subject])).toEqual([
      ['1', 'first'],
      ['2', 'second'],
    ]);
    sink.clear();
    expect(sink.messages()).toEqual([]);
    await client.sendMail({ ...message, subject: 'third' });
    expect(sink.messages().map((m) => m.id)).toEqual(['3']);
  });

  it('keeps only the newest maxMessages', async () => {
    const small = new MailSink({ maxMessages: 2 });
    const started = await small.start();
    try {
      const client = clientFor(started.port);
      for (const subject of ['a', 'b', 'c']) await client.sendMail({ ...message, subject });
      expect(small.messages().map((m) => m.subject)).toEqual(['b', 'c']);
    } finally {
      await small.stop();
    }
  });

  it('failNext refuses with a temporary error, then the next message goes through', async () => {
    sink.failNext(1);
    const client = clientFor(port);
    const error = await client.sendMail(message).then(
      () => null,
      (caught: NodemailerError) => caught,
    );
    expect(error).toMatchObject({ responseCode: 451, permanent: false, command: 'DATA' });
    expect(sink.messages()).toEqual([]);

    await client.sendMail(message);
    expect(sink.messages()).toHaveLength(1);
  });

  it('failNext can refuse several messages with a permanent code', async () => {
    sink.failNext(2, 550);
    const client = clientFor(port);
    for (let i = 0; i < 2; i += 1) {
      await expect(client.sendMail(message)).rejects.toMatchObject({
        responseCode: 550,
        permanent: true,
      });
    }
    await client.sendMail(message);
    expect(sink.messages()).toHaveLength(1);
    expect(() => sink.failNext(1, 250)).toThrow(RangeError);
  });

  it('holdNext answers only when released', async () => {
    const hold = sink.holdNext();
    const sent = clientFor(port).sendMail(message);
    await hold.arrived;
    expect(sink.messages()).toEqual([]);

    hold.release();
    await expect(hold.released).resolves.toBe('recorded');
    await expect(sent).resolves.toMatchObject({
      response: expect.stringMatching(/^250 /) as string,
    });
    expect(sink.messages()).toHaveLength(1);
  });

  it('a held message whose connection closes before the answer is not recorded', async () => {
    const hold = sink.holdNext();
    const sent = clientFor(port, { getSocket: connectCapturing }).sendMail(message);
    const outcome = sent.then(
      () => 'sent',
      () => 'failed',
    );
    await hold.arrived;

    captured[0]?.destroy();
    await expect(hold.released).resolves.toBe('dropped');
    hold.release(); // too late: nothing to answer
    expect(await outcome).toBe('failed');
    expect(sink.messages()).toEqual([]);

    // The sink carries on as normal.
    await clientFor(port).sendMail(message);
    expect(sink.messages()).toHaveLength(1);
  });

  it('waitFor resolves once enough messages are in', async () => {
    const waiting = sink.waitFor(2, 5_000);
    const client = clientFor(port);
    await client.sendMail(message);
    await client.sendMail(message);
    await expect(waiting).resolves.toHaveLength(2);
    // Already there: resolves at once.
    await expect(sink.waitFor(1)).resolves.toHaveLength(2);
  });

  it('waitFor rejects after its timeout', async () => {
    await expect(sink.waitFor(1, 50)).rejects.toThrow(
      'MailSink.waitFor: 0 of 1 messages after 50 ms',
    );
  });

  it('start rejects when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await expect(new MailSink().start(taken)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses to start twice, and stop is idempotent', async () => {
    await expect(sink.start()).rejects.toThrow('already running');
    await sink.stop();
    await sink.stop();
  });
});
