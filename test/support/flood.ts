import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';

/** What happened to a flood: the answer, how much of the body got out, and how fast. */
export interface FloodResult {
  /** The status the server answered with, or null if it closed without one. */
  status: number | null;
  /** The answer's body (small: refusals), as text. */
  body: string;
  /** Body bytes written to the socket before the server answered or hung up. */
  bytesSent: number;
  /** Milliseconds from the start of the request to the answer (or the hang-up). */
  ms: number;
}

export interface FloodOptions {
  method?: string;
  headers?: Record<string, string>;
  /** The body, produced lazily so the test never holds it: chunks until the server answers. */
  body: Iterable<Buffer>;
  /** Declares this Content-Length (the body may be shorter: the server answers first). */
  contentLength?: number;
  /**
   * Keeps the request open after the body, as a slow upload would: an answer then shows the
   * server refused without waiting for the rest.
   */
  holdOpen?: boolean;
  /** Gives up (status null) after this long; default 30 s. */
  timeoutMs?: number;
  /** Goes on sending after the answer, as an attacker would, until the server hangs up. */
  ignoreAnswer?: boolean;
}

/**
 * Sends a large body as a hostile client would, streamed from a generator and stopped as soon
 * as the server answers or hangs up, so the test's own memory stays flat whatever the size.
 * Without `contentLength` the body goes chunked, so the server cannot refuse it by its header.
 */
export function flood(url: string, options: FloodOptions): Promise<FloodResult> {
  const started = Date.now();
  return new Promise<FloodResult>((resolve, reject) => {
    let bytesSent = 0;
    let settled = false;
    let answer: { status: number | null; body: string } | null = null;
    const req = httpRequest(url, {
      method: options.method ?? 'POST',
      headers: {
        ...options.headers,
        ...(options.contentLength !== undefined && {
          'content-length': String(options.contentLength),
        }),
      },
    });
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({
        status: answer?.status ?? null,
        body: answer?.body ?? '',
        bytesSent,
        ms: Date.now() - started,
      });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 30_000);

    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk.slice(0, 4096 - body.length)));
      const done = (): void => {
        answer = { status: res.statusCode ?? null, body };
        if (!options.ignoreAnswer) finish();
      };
      res.on('end', done);
      res.on('error', done);
    });
    // The server hanging up mid-upload is one way to refuse; an answer may still be on its way,
    // so a hang-up without one waits a moment for it.
    const hungUp = new Promise<void>((resolveHangUp) => {
      req.on('socket', (socket) => socket.once('close', () => resolveHangUp()));
    });
    void hungUp.then(() => (answer ? finish() : setTimeout(finish, 2_000)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') || settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });

    let closed = false;
    void hungUp.then(() => (closed = true));
    void (async () => {
      for (const chunk of options.body) {
        if (settled || closed) return;
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          await Promise.race([once(req, 'drain').catch(() => undefined), hungUp]);
        }
      }
      if (!settled && !closed && !options.holdOpen) req.end();
    })();
  });
}

/**
 * The most a TCP connection on this machine can hold in the kernel when nobody reads it: the
 * receiver's and the sender's largest buffers (the third figure of tcp_rmem and tcp_wmem).
 * A flood the server refuses without reading gets out about this much, and no more; loopback
 * buffers grow to 32 MB on some kernels. 8 MB each where /proc cannot be read.
 */
export function kernelSocketBuffers(): number {
  const largest = (name: string): number => {
    try {
      const figures = readFileSync(`/proc/sys/net/ipv4/${name}`, 'utf8').trim().split(/\s+/);
      const value = Number(figures.at(-1));
      return Number.isFinite(value) && value > 0 ? value : 8 * 1024 * 1024;
    } catch {
      return 8 * 1024 * 1024;
    }
  };
  return largest('tcp_rmem') + largest('tcp_wmem');
}

/** `count` chunks of `size` bytes of `fill`, made one at a time. */
export function* repeated(count: number, size: number, fill = 'a'): Generator<Buffer> {
  const chunk = Buffer.alloc(size, fill);
  for (let i = 0; i < count; i += 1) yield chunk;
}

/**
 * A multipart form of `fields` text fields of `fieldBytes` each (the form flood): a body of
 * fields × fieldBytes bytes, made 64 KB at a time.
 */
export function* multipartFields(
  boundary: string,
  fields: number,
  fieldBytes: number,
): Generator<Buffer> {
  const slice = 64 * 1024;
  const filler = Buffer.alloc(slice, 'a');
  for (let i = 0; i < fields; i += 1) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n`);
    for (let left = fieldBytes; left > 0; left -= slice) {
      yield left >= slice ? filler : filler.subarray(0, left);
    }
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

/** The size of multipartFields(boundary, fields, fieldBytes), for a Content-Length. */
export function multipartFieldsLength(
  boundary: string,
  fields: number,
  fieldBytes: number,
): number {
  let total = Buffer.byteLength(`--${boundary}--\r\n`);
  for (let i = 0; i < fields; i += 1) {
    total += Buffer.byteLength(
      `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n`,
    );
    total += fieldBytes + 2;
  }
  return total;
}
