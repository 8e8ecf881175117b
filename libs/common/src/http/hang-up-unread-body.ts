import type { Request, Response } from 'express';

/** Time a refused client has to read the answer before the connection is dropped. */
const GRACE_MS = 1_000;

/**
 * On a refusal sent before the request body was read (not signed in, too large, wrong type),
 * read no more of the body and drop the connection a moment after the answer. Left alone, Node
 * discards the rest of the body to keep the connection alive: when the answer is sent it
 * resumes a request nobody has read, which resumes the socket even if it was paused, and under
 * load a refused flood was read for the whole grace (40 MB) or to its end (600 MB). Reading
 * zero bytes marks the request as consumed, so Node leaves it alone and the socket stays
 * paused once its small buffer is full. The grace lets the client (a browser mid-upload) read
 * the answer before the connection goes.
 */
export function hangUpOnUnreadBody(req: Request, res: Response): void {
  if (req.complete || res.headersSent) return;
  req.read(0);
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    socket.pause();
    setTimeout(() => socket.destroy(), GRACE_MS).unref();
  });
}
