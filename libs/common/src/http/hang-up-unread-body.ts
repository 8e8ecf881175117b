import type { Request, Response } from 'express';
import { Writable } from 'node:stream';

/** Time a refused client has to read the answer before the connection is dropped. */
const GRACE_MS = 1_000;

/**
 * On a refusal sent before the request body was read (not signed in, too large, wrong type),
 * read no more of the body and drop the connection a moment after the answer. Left alone, Node
 * discards the rest of an unread body to keep the connection alive: it reads it all, as fast
 * as it comes, and under load a refused flood was read for the whole grace (300 MB) or to its
 * end (600 MB). Piping the request into a sink that never asks for more marks it as read, so
 * Node does not discard it, and backpressure then stops the socket once its small buffers are
 * full. The grace lets the client (a browser mid-upload) read the answer before the
 * connection goes.
 */
export function hangUpOnUnreadBody(req: Request, res: Response): void {
  if (req.complete || res.headersSent) return;
  // write() never calls back: after the first chunk the request is paused for good.
  req.pipe(new Writable({ write: () => undefined }));
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    setTimeout(() => socket.destroy(), GRACE_MS).unref();
  });
}
