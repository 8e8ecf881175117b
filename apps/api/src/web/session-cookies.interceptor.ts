import { SSO_ATTEMPT_MINUTES } from '@app/auth';
import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { SeeOther } from './pipeline/page';
import { WebAuth } from './web-auth.service';
import {
  clearSessionCookies,
  clearSsoCookie,
  setSsoCookie,
  SSO_COOKIE,
  type WebTokens,
} from './web-session';

function ssoState(context: ExecutionContext): string | undefined {
  const cookies = context.switchToHttp().getRequest<Request>().cookies as
    Record<string, string | undefined> | undefined;
  return cookies?.[SSO_COOKIE];
}

/** The state of the sign-in this browser began at a council's provider (SSO_COOKIE), if any. */
export const SsoStateCookie = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  ssoState(context),
);

/** A sign-in's answer: the session's cookies are set, then the browser sees `url` (303). */
export class StartSession extends SeeOther {
  constructor(
    readonly tokens: WebTokens,
    url: string,
  ) {
    super(url);
  }
}

/**
 * A sign-in begun at a council's provider: the browser keeps `state` (SSO_COOKIE) and is sent
 * to the provider at `url` (303).
 */
export class StartSsoAttempt extends SeeOther {
  constructor(
    readonly state: string,
    url: string,
  ) {
    super(url);
  }
}

/** A sign-out's answer: the session's cookies are cleared, then the browser sees `url` (303). */
export class EndSession extends SeeOther {}

/**
 * Sets or clears the session cookies a handler's StartSession, StartSsoAttempt or EndSession
 * asks for, so that
 * the sign-in and sign-out handlers never touch the response. Put on the handler: it runs inside
 * PageInterceptor, which then answers the SeeOther.
 */
@Injectable()
export class SessionCookiesInterceptor implements NestInterceptor {
  constructor(private readonly web: WebAuth) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof StartSession) {
          this.web.start(res, result.tokens);
          // A sign-in through a provider is over: its state has been used.
          if (ssoState(context) !== undefined) clearSsoCookie(res, this.web.secureCookies);
        }
        if (result instanceof StartSsoAttempt) {
          setSsoCookie(res, result.state, this.web.secureCookies, SSO_ATTEMPT_MINUTES);
        }
        if (result instanceof EndSession) clearSessionCookies(res, this.web.secureCookies);
        return result;
      }),
    );
  }
}
