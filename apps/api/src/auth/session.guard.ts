import { AccessTokens, type AuthenticatedRequest, bearerTokenOf, IS_PUBLIC } from '@app/auth';
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { IS_PAGE, SIGNED_OUT_PAGE } from '../web/page-guards';
import { WebAuth } from '../web/web-auth.service';
import { SignInRequired } from '../web/web-exception.filter';

/**
 * Who is calling, for every route, before anything else runs (the role check and the reading of
 * the body come after it, so nothing is read for someone not signed in). An API route takes an
 * `Authorization: Bearer` access token and answers 401 without one; a page takes the session
 * cookies, renewing an expired access token, and sends the browser to sign in without them.
 * Either way the same tokens and sessions decide (AccessTokens). @Public() API routes and
 * @SignedOutPage() pages need nobody.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly web: WebAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPage = this.flag(IS_PAGE, context);
    if (this.flag(isPage ? SIGNED_OUT_PAGE : IS_PUBLIC, context)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPage) {
      const principal = await this.web.principal(
        req,
        context.switchToHttp().getResponse<Response>(),
      );
      if (!principal) throw new SignInRequired(this.web.hadSession(req));
      req.principal = principal;
      return true;
    }
    const token = bearerTokenOf(req.headers.authorization);
    if (!token) {
      throw new UnauthorizedException(
        'Log in and send the access token as "Authorization: Bearer <token>"',
      );
    }
    req.principal = await this.tokens.authenticate(token);
    return true;
  }

  private flag(key: string, context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(key, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
