import {
  type AddressObject,
  type EmailAddress,
  type HeaderValue,
  type ParsedMail,
  simpleParser,
} from 'mailparser';
import type { AddressInfo } from 'node:net';
import {
  SMTPServer,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server';

/** A message the sink accepted (answered 250). */
export interface CaughtMail {
  /** Sequential, unique for the life of the sink ("1", "2", …). */
  id: string;
  receivedAt: Date;
  /** The From header as written, e.g. `followthrough <no-reply@example.org>`. */
  from: string;
  /** Envelope recipients (RCPT TO): who the message was really delivered to, Bcc included. */
  to: string[];
  subject: string;
  text: string;
  /** Empty when the message had no HTML part. */
  html: string;
  messageId: string | null;
  /** Decoded headers, lower-case names; repeated headers are joined with ", ". */
  headers: Record<string, string>;
}

export interface MailSinkOptions {
  /** Keep only the newest N messages (default 500), so a long dev session cannot grow forever. */
  maxMessages?: number;
  /** Connection-level errors (a client resetting its socket, …). Ignored by default. */
  onError?: (error: Error) => void;
}

export type HoldOutcome = 'recorded' | 'dropped';

/** Handle on a message the sink will not answer until told to. */
export interface HeldMail {
  /** Resolves when the held message has arrived in full and is waiting for its answer. */
  readonly arrived: Promise<void>;
  /** Answer the message (250, recorded) if its connection is still open. */
  release(): void;
  /**
   * Resolves when the hold is over: 'recorded' once answered, 'dropped' when its connection
   * closed first (the client gave up, so by SMTP rules the message was not delivered).
   */
  readonly released: Promise<HoldOutcome>;
}

const DEFAULT_MAX_MESSAGES = 500;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/** `Name <address>` without mailparser's quoting, as people write it. */
function addressText(addresses: AddressObject): string {
  const one = (entry: EmailAddress): string => {
    if (entry.group) return `${entry.name}: ${entry.group.map(one).join(', ')};`;
    if (!entry.name) return entry.address ?? '';
    return entry.address ? `${entry.name} <${entry.address}>` : entry.name;
  };
  return addresses.value.map(one).join(', ');
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return (value as ReadonlyArray<HeaderValue>).map((entry) => headerText(entry)).join(', ');
  }
  if ('text' in value) return addressText(value);
  const params = Object.entries(value.params)
    .map(([name, param]) => `; ${name}=${param}`)
    .join('');
  return `${value.value}${params}`;
}

function headersOf(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) headers[name] = headerText(value);
  return headers;
}

class Hold implements HeldMail {
  readonly arrived: Promise<void>;
  readonly released: Promise<HoldOutcome>;
  private markArrived!: () => void;
  private settle!: (outcome: HoldOutcome) => void;
  private releaseRequested = false;
  private answer: ((outcome: HoldOutcome) => void) | null = null;

  constructor() {
    this.arrived = new Promise((resolve) => (this.markArrived = resolve));
    this.released = new Promise((resolve) => (this.settle = resolve));
  }

  release(): void {
    this.releaseRequested = true;
    this.answer?.('recorded');
  }

  /** The held message is in: wait for release() or for its connection to close. */
  wait(): Promise<HoldOutcome> {
    this.markArrived();
    return new Promise((resolve) => {
      this.answer = (outcome) => {
        this.answer = null;
        resolve(outcome);
        this.settle(outcome);
      };
      if (this.releaseRequested) this.answer('recorded');
    });
  }

  drop(): void {
    this.answer?.('dropped');
  }
}

/**
 * A local SMTP server that keeps what it receives in memory: the development mail viewer
 * (/dev/mail) and tests use it instead of a real mail server. It accepts any sender, recipient
 * and login, and records a message only when it answers 250 for it, like a real server. Test
 * hooks: failNext() refuses messages, holdNext() delays the answer.
 */
export class MailSink {
  private server: SMTPServer | null = null;
  private caught: CaughtMail[] = [];
  private nextId = 1;
  private readonly maxMessages: number;
  private readonly onError: (error: Error) => void;
  /** Reply codes for the next refusals, oldest request first. */
  private readonly failures: number[] = [];
  private readonly holds: Hold[] = [];
  /** Held messages by SMTP session id, so a closed connection drops its message. */
  private readonly waiting = new Map<string, Hold>();
  private readonly waiters = new Set<() => void>();

  constructor(options: MailSinkOptions = {}) {
    this.maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
    if (!Number.isInteger(this.maxMessages) || this.maxMessages < 1) {
      throw new RangeError('MailSink maxMessages must be a positive integer');
    }
    this.onError = options.onError ?? (() => undefined);
  }

  /** Listens on `port` (0 picks a free one). Rejects if the port is taken. */
  async start(port = 0, host = '127.0.0.1'): Promise<{ port: number; url: string }> {
    if (this.server) throw new Error('MailSink is already running');
    const server = new SMTPServer({
      authOptional: true,
      // Plain local connections only: no certificate to manage, and logins are accepted anyway.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      size: MAX_MESSAGE_BYTES,
      disableReverseLookup: true,
      logger: false,
      // Clients (e.g. a mail pool) may keep idle connections; do not wait long for them on stop.
      closeTimeout: 1_000,
      onAuth: (
        auth: SMTPServerAuthentication,
        _session: SMTPServerSession,
        callback: (error: Error | null, response?: SMTPServerAuthenticationResponse) => void,
      ) => callback(null, { user: auth.username ?? 'anyone' }),
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          (refusal) => callback(refusal),
          (error: unknown) =>
            callback(smtpError(451, `Mail sink could not read the message: ${String(error)}`)),
        );
      },
      onClose: (session) => this.waiting.get(session.id)?.drop(),
    });

    await new Promise<void>((resolve, reject) => {
      let listening = false;
      server.on('error', (error: Error) => {
        if (listening) this.onError(error);
        else reject(error);
      });
      server.listen(port, host, () => {
        listening = true;
        resolve();
      });
    });
    this.server = server;
    const address = server.server.address() as AddressInfo;
    return { port: address.port, url: `smtp://${host}:${address.port}` };
  }

  /** Stops listening; held messages are refused, open connections closed within a second. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const hold of this.waiting.values()) hold.drop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Oldest first. */
  messages(): CaughtMail[] {
    return [...this.caught];
  }

  find(id: string): CaughtMail | undefined {
    return this.caught.find((mail) => mail.id === id);
  }

  clear(): void {
    this.caught = [];
  }

  /** Resolves with every message once at least `count` are held; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 10_000): Promise<CaughtMail[]> {
    if (this.caught.length >= count) return Promise.resolve(this.messages());
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.caught.length < count) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.messages());
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `MailSink.waitFor: ${this.caught.length} of ${count} messages after ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /**
   * Refuses the next `count` messages at the end of DATA with `code` (default 451, "try again
   * later"; a 5xx code makes it permanent). Nothing is recorded for them.
   */
  failNext(count: number, code = 451): void {
    if (!Number.isInteger(code) || code < 400 || code > 599) {
      throw new RangeError(`MailSink.failNext: ${code} is not an SMTP error code`);
    }
    for (let i = 0; i < count; i += 1) this.failures.push(code);
  }

  /** Leaves the next message unanswered until `release()`; see HeldMail. */
  holdNext(): HeldMail {
    const hold = new Hold();
    this.holds.push(hold);
    return hold;
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
  ): Promise<Error | null> {
    // Copied first: the session is reset for the next transaction once we answer.
    const to = session.envelope.rcptTo.map((recipient) => recipient.address);
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const parsed = await simpleParser(stream, { skipTextToHtml: true, skipImageLinks: true });
    if (stream.sizeExceeded) {
      return smtpError(552, `Message larger than ${MAX_MESSAGE_BYTES} bytes`);
    }
    const failure = this.failures.shift();
    if (failure !== undefined) {
      return smtpError(failure, 'Temporary failure (requested by MailSink.failNext)');
    }
    const hold = this.holds.shift();
    if (hold) {
      this.waiting.set(session.id, hold);
      const outcome = await hold.wait();
      this.waiting.delete(session.id);
      if (outcome === 'dropped') return smtpError(421, 'Message dropped');
    }
    this.record({
      id: String(this.nextId++),
      receivedAt: new Date(),
      from: parsed.from ? addressText(parsed.from) : envelopeFrom,
      to,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: parsed.html || '',
      messageId: parsed.messageId ?? null,
      headers: headersOf(parsed),
    });
    return null;
  }

  private record(mail: CaughtMail): void {
    this.caught.push(mail);
    if (this.caught.length > this.maxMessages)
      this.caught.splice(0, this.caught.length - this.maxMessages);
    for (const check of [...this.waiters]) check();
  }
}
