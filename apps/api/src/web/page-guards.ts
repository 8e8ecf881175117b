import type { AuthenticatedRequest, Principal } from '@app/auth';
import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Csrf } from './csrf';
import { SignInRequired } from './web-exception.filter';
import { WebAuth } from './web-auth.service';

/** Set by PagesController: the route is a web page, signed in by the session cookies. */
export const IS_PAGE = 'web:page';
/** A page that needs nobody signed in (the sign-in form). */
export const SIGNED_OUT_PAGE = 'web:signed-out';

export const SignedOutPage = (): MethodDecorator => SetMetadata(SIGNED_OUT_PAGE, true);

function flag(reflector: Reflector, key: string, context: ExecutionContext): boolean {
  return (
    reflector.getAllAndOverride<boolean | undefined>(key, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}

/**
 * Who is signed in to a page, from the session cookies, before anything else runs: the role
 * check (RolesGuard) and the reading of the body (RequestBodyGuard) come after it, so a page's
 * form or upload is never read for someone who is not signed in. The API's routes are
 * AccessTokenGuard's.
 */
@Injectable()
export class PageSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly web: WebAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!flag(this.reflector, IS_PAGE, context)) return true;
    if (flag(this.reflector, SIGNED_OUT_PAGE, context)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.web.principal(req, context.switchToHttp().getResponse<Response>());
    if (!principal) throw new SignInRequired(this.web.hadSession(req));
    req.principal = principal;
    return true;
  }
}

/**
 * Every form posted to a page carries this session's CSRF token: in the form's fields, or, for
 * a file upload, in the form's address (`?_csrf=`), so that it is checked before multer reads
 * a byte of the file. Runs after RequestBodyGuard has read the (small) form.
 */
@Injectable()
export class PageCsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly csrf: Csrf,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!flag(this.reflector, IS_PAGE, context)) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    this.csrf.assert(req, req.principal?.sessionId ?? null);
    return true;
  }
}

/** Who is signed in to a page (PageSessionGuard has made sure someone is). */
export function signedInAs(req: AuthenticatedRequest): Principal {
  // PageSessionGuard runs on every page that is not a SignedOutPage: none is a wiring bug.
  if (!req.principal) throw new Error('A signed-out page asked who is signed in');
  return req.principal;
}
