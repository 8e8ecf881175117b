import { ensureRequestId, HttpErrorFilter } from '@app/common';
import { type ArgumentsHost, Catch, HttpStatus, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * An address nothing answers: a browser asking for a page gets the GOV.UK "Page not found" page
 * (a mistyped or old link from an email); everything else, and anything under /api, the API's
 * JSON error body.
 */
@Catch()
export class PageNotFoundFilter extends HttpErrorFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const wantsPage =
      exception instanceof NotFoundException &&
      req.method === 'GET' &&
      !req.path.startsWith('/api/') &&
      req.accepts(['json', 'html']) === 'html';
    if (!wantsPage) {
      super.catch(exception, host);
      return;
    }
    res.status(HttpStatus.NOT_FOUND).render('message', {
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        `If you contact support, quote this reference: ${ensureRequestId(req, res)}`,
      ],
      link: { href: '/', text: 'Go to My actions' },
    });
  }
}
