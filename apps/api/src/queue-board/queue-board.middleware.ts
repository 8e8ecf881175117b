import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { appConfig, type AppConfig } from '@app/config';
import { ALL_QUEUES } from '@app/queue';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response } from 'express';
import { QUEUE_BOARD_PATH } from './queue-board.constants';

const MOUNT = new RegExp(`^${QUEUE_BOARD_PATH.replace(/\//g, '\\/')}`, 'i');

/**
 * Bull Board over every queue, as a Nest middleware (QueueBoardModule puts the operators' check
 * in front). The board is an Express app of its own; this does what Express does when it mounts a
 * sub-app, since Nest's middleware routing does not: strip the mount path from the URL, and put
 * the URL and the request's and response's prototypes back if the board passes the request on.
 */
@Injectable()
export class QueueBoardMiddleware implements NestMiddleware {
  private readonly board: Express;

  constructor(@Inject(ALL_QUEUES) queues: Queue[], @Inject(appConfig.KEY) config: AppConfig) {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    // Read-only unless operators asked otherwise (the auth middleware also refuses writes).
    const readOnlyMode = !config.queueBoard.writable;
    createBullBoard({
      queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode })),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'followthrough queues' } },
    });
    // getRouter() is typed `any` so the adapter need not depend on Express's types; it returns
    // the Express app it built.
    this.board = serverAdapter.getRouter() as Express;
    this.board.disable('x-powered-by');
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const { url, baseUrl } = request;
    const requestPrototype: unknown = Object.getPrototypeOf(request);
    const responsePrototype: unknown = Object.getPrototypeOf(response);
    const rest = url.replace(MOUNT, '');
    request.url = rest.startsWith('/') ? rest : `/${rest}`;
    request.baseUrl = `${baseUrl}${url.slice(0, url.length - rest.length)}`;
    this.board(request, response, (error?: unknown) => {
      request.url = url;
      request.baseUrl = baseUrl;
      Object.setPrototypeOf(request, requestPrototype as object);
      Object.setPrototypeOf(response, responsePrototype as object);
      next(error);
    });
  }
}
