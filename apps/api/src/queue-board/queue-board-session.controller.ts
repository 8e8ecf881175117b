import { bearerTokenOf, RequireRole } from '@app/auth';
import { Clock, ErrorResponse } from '@app/common';
import { mailConfig, type MailConfig } from '@app/config';
import {
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board.constants';

/** `exp` (seconds since the epoch) of a token AccessTokenGuard has just verified. */
function expiryOf(token: string): number | undefined {
  const payload: unknown = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
  const exp = (payload as { exp?: unknown } | null)?.exp;
  return typeof exp === 'number' ? exp : undefined;
}

/**
 * The queue board's cookie. Browsers cannot send a Bearer header when they load a page, so an
 * admin's client posts its token here once and the board reads it from the cookie.
 */
@ApiTags('queue board')
@Controller(`${QUEUE_BOARD_PATH.slice(1)}/session`)
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No live session.' })
export class QueueBoardSessionController {
  constructor(
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
    private readonly clock: Clock,
  ) {}

  @Post()
  @RequireRole('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Let this browser open the queue board (/admin/queues)',
    description:
      `Sets the httpOnly, SameSite=Strict \`${QUEUE_BOARD_COOKIE}\` cookie, valid on ` +
      `${QUEUE_BOARD_PATH} only, holding the access token: it expires with the token and ` +
      'stops working at logout. The board itself answers 404 to anyone but a logged-in admin.',
  })
  @ApiNoContentResponse({ description: `Cookie set; open ${QUEUE_BOARD_PATH}.` })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Only admins can see the queues.' })
  open(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const token = bearerTokenOf(request.headers.authorization);
    // AccessTokenGuard has accepted this very header; no token would be a wiring bug.
    if (!token) throw new UnauthorizedException('Access token is invalid or has expired');
    const exp = expiryOf(token);
    response.cookie(QUEUE_BOARD_COOKIE, token, {
      ...this.cookieOptions(),
      // Our tokens always carry `exp`; without one the cookie would last until the browser
      // closes, and the board still checks the session on every request.
      ...(exp !== undefined && { maxAge: Math.max(0, exp * 1000 - this.clock.now().getTime()) }),
    });
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove the queue board cookie from this browser',
    description: 'Any logged-in user may call it (e.g. before logging out).',
  })
  @ApiNoContentResponse({ description: 'Cookie cleared.' })
  close(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(QUEUE_BOARD_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_BOARD_PATH,
      // Behind TLS (APP_URL https) the cookie must never travel in clear; a local http demo
      // could not use a Secure cookie at all.
      secure: this.mail.appUrl.startsWith('https:'),
    };
  }
}
