import { hangUpOnUnreadBody } from '@app/common';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server, Socket } from 'node:net';
import { flood, repeated } from '../support/flood';

const MB = 1024 * 1024;

/**
 * The hang-up after a refusal, on a bare Express server and a real socket: what the server
 * reads of a body it refused is what counts, whatever the kernel buffers hold.
 */
describe('hangUpOnUnreadBody (real socket)', () => {
  let server: Server;
  let base: string;
  let refusedSocket: Promise<Socket>;

  beforeAll(async () => {
    const app = express();
    let giveSocket: (socket: Socket) => void = () => undefined;
    refusedSocket = new Promise((resolve) => (giveSocket = resolve));
    app.post('/refuse', (req, res) => {
      giveSocket(req.socket);
      hangUpOnUnreadBody(req, res);
      res.status(411).json({ statusCode: 411 });
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads almost nothing of a flood that goes on after the answer, then hangs up', async () => {
    const result = await flood(`${base}/refuse`, {
      body: repeated(10_000, 64 * 1024),
      ignoreAnswer: true,
      timeoutMs: 10_000,
    });
    const socket = await refusedSocket;

    expect(result.status).toBe(411);
    // Node's own discard of an unread body resumes the socket and reads on until the hang-up.
    expect(socket.bytesRead).toBeLessThan(MB);
    expect(socket.destroyed).toBe(true);
  });
});
