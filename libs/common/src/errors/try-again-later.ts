import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * A refusal that will pass after a wait (too many attempts, a full queue): the error filters
 * send `Retry-After` with it, so handlers never touch the response to say so.
 */
export class TryAgainLater extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    status: number = HttpStatus.TOO_MANY_REQUESTS,
  ) {
    super(message, status);
  }
}

/** The Retry-After an error asks for: its own wait, 30 s for an outage (503), else none. */
export function retryAfterOf(exception: unknown, statusCode: number): number | undefined {
  if (exception instanceof TryAgainLater)
    return Math.max(1, Math.ceil(exception.retryAfterSeconds));
  return statusCode === Number(HttpStatus.SERVICE_UNAVAILABLE) ? 30 : undefined;
}
