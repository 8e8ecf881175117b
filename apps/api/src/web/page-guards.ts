import type { AuthenticatedRequest, Principal } from '@app/auth';
import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Csrf } from './csrf';

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

/** Who is signed in to a page (SessionGuard has made sure someone is). */
export function signedInAs(req: AuthenticatedRequest): Principal {
  // SessionGuard runs on every page that is not a SignedOutPage: none is a wiring bug.
  if (!req.principal) throw new Error('A signed-out page asked who is signed in');
  return req.principal;
}
