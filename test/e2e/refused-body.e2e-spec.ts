import { hangUpOnUnreadBody } from '@app/common';
import express from 'express';
import type { AddressInfo, Server, Socket } from 'node:net';
import { flood, repeated } from '../support/flood';

const MB = 1024 * 1024;

/**
 * The hang-up after a refusal, on a bare Express server and a real socket: what the server
 * reads of a body it refused is what counts, whatever the kernel buffers hold.
 */
describe('hangUpOnUnreadBody (real socket)', () => {
  let server: Server;
  let base: string;
  const sockets = new Map<string, Socket>();

  beforeAll(async () => {
    const app = express();
    app.post('/refuse/:id', (req, res) => {
      sockets.set(req.params.id, req.socket);
      // As a guard that asks the database first, when `after` is given: by then Node has
      // buffered the start of the body in the request.
      setTimeout(
        () => {
          hangUpOnUnreadBody(req, res);
          res.status(411).json({ statusCode: 411 });
        },
        Number(req.query.after ?? 0),
      );
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['at once', 0],
    ['after a moment, its first bytes buffered', 200],
  ])(
    'reads almost nothing of a flood refused %s that goes on after the answer, then hangs up',
    async (_when, after) => {
      const id = `r${after}`;
      const result = await flood(`${base}/refuse/${id}?after=${after}`, {
        body: repeated(10_000, 64 * 1024),
        ignoreAnswer: true,
        timeoutMs: 10_000,
      });
      const socket = sockets.get(id);

      expect(result.status).toBe(411);
      // Node's own discard of an unread body reads on, as fast as it comes, until the hang-up.
      expect(socket?.bytesRead).toBeLessThan(MB);
      expect(socket?.destroyed).toBe(true);
    },
  );
});
