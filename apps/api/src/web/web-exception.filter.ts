import {
  ensureRequestId,
  hangUpOnUnreadBody,
  isServiceUnavailable,
  retryAfterOf,
} from '@app/common';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageWithErrors } from './pipeline/form-post';

/** Thrown by a page that needs a signed-in user when there is none. */
export class SignInRequired extends HttpException {
  constructor(readonly expired: boolean) {
    super('Sign in required', HttpStatus.UNAUTHORIZED);
  }
}

const PAGES: Partial<Record<number, { title: string; paragraphs: string[] }>> = {
  [HttpStatus.BAD_REQUEST]: {
    title: 'There is a problem with what was sent',
    paragraphs: ['Go back, check the form and try again.'],
  },
  [HttpStatus.FORBIDDEN]: {
    title: 'You cannot do that',
    paragraphs: [
      'The form may have expired, or your role does not allow it. Go back and try again.',
    ],
  },
  [HttpStatus.NOT_FOUND]: {
    title: 'Page not found',
    paragraphs: ['If you typed the web address, check it is correct.'],
  },
  [HttpStatus.CONFLICT]: {
    title: 'That has already changed',
    paragraphs: [
      'Someone may have changed it at the same time. Go back, reload the page and check.',
    ],
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    title: 'What you sent is too big',
    paragraphs: ['Go back and send less: a shorter answer, or a smaller file.'],
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    title: 'That kind of file cannot be used',
    paragraphs: ['Go back and choose a PDF or a text file.'],
  },
  [HttpStatus.UNPROCESSABLE_ENTITY]: {
    title: 'That change cannot be made',
    paragraphs: ['Go back, check what the page says is needed first, and try again.'],
  },
  [HttpStatus.TOO_MANY_REQUESTS]: {
    title: 'Too many attempts',
    paragraphs: ['Wait a minute, then try again.'],
  },
};

/**
 * Errors on the web pages as pages, not JSON: sign in again when the session has gone, GOV.UK
 * style "Page not found" (also for another council's records), and a plain apology otherwise:
 * 503 when the database or Redis cannot be reached, 500 for anything else, both quoting the
 * request id. An apology never touches the session cookies: only a refused session signs out.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    hangUpOnUnreadBody(host.switchToHttp().getRequest<Request>(), res);
    if (exception instanceof PageWithErrors) {
      // A refused form: its page again, built by PageInterceptor, with the error summary.
      res.status(exception.getStatus()).render(exception.view, exception.locals);
      return;
    }
    if (exception instanceof SignInRequired) {
      res.redirect(303, exception.expired ? '/sign-in?expired=1' : '/sign-in');
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() === 401) {
      res.redirect(303, '/sign-in');
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    // Any other refusal (411, 405…) is still the sender's to fix, not the service's fault.
    const page =
      status === undefined
        ? undefined
        : (PAGES[status] ?? (status >= 400 && status < 500 ? PAGES[400] : undefined));
    const req = host.switchToHttp().getRequest<Request>();
    // The id the request logs and the JSON errors carry: quoted on every error page so a report
    // from a user leads straight to the log lines.
    const requestId = ensureRequestId(req, res);
    if (status === undefined || !page) {
      this.logger.error(
        { err: exception, requestId, method: req.method, url: req.originalUrl ?? req.url },
        exception instanceof Error ? exception.message : 'Non-error thrown',
      );
      const unavailable =
        status === HttpStatus.SERVICE_UNAVAILABLE || isServiceUnavailable(exception);
      if (unavailable) res.setHeader('Retry-After', '30');
      res
        .status(unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR)
        .render('message', {
          title: 'Sorry, there is a problem with the service',
          paragraphs: [
            unavailable
              ? 'Try again in a few minutes. You have not been signed out.'
              : 'Try again later.',
            `If you contact support about this, quote this reference: ${requestId}`,
          ],
        });
      return;
    }
    const retryAfter = retryAfterOf(exception, status);
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    // The limit itself ("this address accepts up to 100 KB"), so people know how much is allowed.
    const limit =
      exception instanceof PayloadTooLargeException
        ? [`${exception.message.replace(/^Request body too large: t/, 'T')}.`]
        : [];
    res.status(status).render('message', {
      ...page,
      paragraphs: [
        ...page.paragraphs,
        ...limit,
        ...reasonsOf(exception, status),
        `If you contact support, quote this reference: ${requestId}`,
      ],
    });
  }
}

/**
 * What a 400 said was wrong ("since must be before asAt", "This report has 1,200 actions…"), so
 * a page reached by a link or a GET form says why rather than only that something was.
 */
function reasonsOf(exception: unknown, status: number): string[] {
  if (status !== 400 || !(exception instanceof HttpException)) return [];
  const body = exception.getResponse();
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
  const messages = (Array.isArray(message) ? message : [message]).filter(
    (text): text is string => typeof text === 'string' && text !== '' && text !== 'Bad Request',
  );
  return messages.map((text) =>
    `${text.charAt(0).toUpperCase()}${text.slice(1)}.`.replace(/\.\.$/, '.'),
  );
}
