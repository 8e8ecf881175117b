import {
  AccessTokenGuard,
  type AuthenticatedRequest,
  bearerTokenOf,
  hasRole,
  type Principal,
} from '@app/auth';
import {
  Injectable,
  type NestMiddleware,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { QUEUE_BOARD_COOKIE } from './queue-board.constants';

/** One cookie's value from a Cookie header (no cookie-parser for a single cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/**
 * In front of the board: the access token, from the Authorization header or the board cookie,
 * must verify exactly as on every API route (AccessTokenGuard) and belong to an admin with a
 * live session. Everyone else gets the same 404 as an unknown route, so the board's existence is
 * not advertised.
 */
@Injectable()
export class QueueBoardAuthMiddleware implements NestMiddleware {
  constructor(private readonly tokens: AccessTokenGuard) {}

  async use(request: AuthenticatedRequest, _response: Response, next: NextFunction) {
    const token =
      bearerTokenOf(request.headers.authorization) ??
      cookieValue(request.headers.cookie, QUEUE_BOARD_COOKIE);
    const principal = token ? await this.principalOf(token) : null;
    if (!principal || !hasRole(principal.role, 'admin')) {
      // Worded like Nest's own answer for a route that does not exist.
      throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
    }
    request.principal = principal;
    next();
  }

  private async principalOf(token: string): Promise<Principal | null> {
    try {
      return await this.tokens.authenticate(token);
    } catch (error) {
      // Anything but a rejected token (the database is down...) is a real failure: a 500.
      if (error instanceof UnauthorizedException) return null;
      throw error;
    }
  }
}
