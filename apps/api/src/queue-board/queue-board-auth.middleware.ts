import { appConfig, type AppConfig } from '@app/config';
import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type NestMiddleware,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { OPERATOR_USER } from './queue-board.constants';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The `user:password` of an `Authorization: Basic …` header, if it holds one. */
export function basicCredentials(authorization: string | undefined): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]{1,1024})$/.exec(authorization ?? '');
  return match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

/**
 * In front of the board: the service's operators only. The board shows every council's jobs and
 * can pause the queues every council shares, so no council account opens it, whatever its role:
 * operators sign in with HTTP Basic (user "operator", QUEUE_BOARD_PASSWORD), and the board is
 * read-only unless QUEUE_BOARD_WRITABLE is set. With no password set it does not exist (404).
 */
@Injectable()
export class QueueBoardAuthMiddleware implements NestMiddleware {
  private readonly expected: Buffer | null;
  private readonly writable: boolean;

  constructor(@Inject(appConfig.KEY) config: AppConfig) {
    const { password, writable } = config.queueBoard;
    // Compared as digests, so the comparison takes the same time whatever was sent.
    this.expected = password === null ? null : digest(`${OPERATOR_USER}:${password}`);
    this.writable = writable;
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (!this.expected) {
      // Worded like Nest's own answer for a route that does not exist.
      throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
    }
    const given = basicCredentials(request.headers.authorization);
    if (given === undefined || !timingSafeEqual(digest(given), this.expected)) {
      response.setHeader(
        'WWW-Authenticate',
        'Basic realm="followthrough operators", charset="UTF-8"',
      );
      throw new UnauthorizedException('The queue board is for the service’s operators');
    }
    if (!this.writable && request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpException(
        'The queue board is read-only (QUEUE_BOARD_WRITABLE=false)',
        HttpStatus.METHOD_NOT_ALLOWED,
      );
    }
    next();
  }
}
