import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// A UUID matches this too. Anything else (long, with spaces, control characters) is replaced so
// a caller cannot inject odd strings into our logs or response headers.
const VALID_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && VALID_REQUEST_ID.test(value);
}

/** pino-http stores its id on `req.id`; we use the same slot so logs and responses agree. */
type RequestWithId = IncomingMessage & { id?: unknown };

/**
 * Returns the request's id, assigning one the first time: the caller's `x-request-id` when it is
 * valid, else a new UUID. The id is echoed in the `x-request-id` response header. Safe to call
 * more than once (middleware, logger and error filter all do).
 */
export function ensureRequestId(req: IncomingMessage, res: ServerResponse): string {
  const request = req as RequestWithId;
  let id = request.id;
  if (!isValidRequestId(id)) {
    const header = req.headers[REQUEST_ID_HEADER];
    const incoming = Array.isArray(header) ? header[0] : header;
    id = isValidRequestId(incoming) ? incoming : randomUUID();
    request.id = id;
  }
  if (!res.headersSent && res.getHeader(REQUEST_ID_HEADER) !== id) {
    res.setHeader(REQUEST_ID_HEADER, id);
  }
  return id;
}

/**
 * Express-style middleware. configureApp() mounts it first, so even requests rejected by the
 * body parser (which runs before Nest's own middleware) get an id.
 */
export function requestIdMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  ensureRequestId(req, res);
  next();
}
