import type { Request, Response } from 'express';

/** Time a refused client has to read the answer before the connection is dropped. */
const GRACE_MS = 1_000;

/**
 * On a refusal sent before the request body was read (not signed in, too large, wrong type),
 * read no more of the body and drop the connection a moment after the answer. Left alone, Node
 * discards the rest of the body to keep the connection alive, and whether it reads on depends
 * on timing: under load a refused 600 MB flood was read to its end. The grace lets the client
 * (a browser mid-upload) read the answer before the connection goes.
 */
export function hangUpOnUnreadBody(req: Request, res: Response): void {
  if (req.complete || res.headersSent) return;
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    socket.pause();
    setTimeout(() => socket.destroy(), GRACE_MS).unref();
  });
}
