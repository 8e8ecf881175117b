import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { SeeOther } from './pipeline/page';
import { WebAuth } from './web-auth.service';
import { clearSessionCookies, type WebTokens } from './web-session';

/** A sign-in's answer: the session's cookies are set, then the browser sees `url` (303). */
export class StartSession extends SeeOther {
  constructor(
    readonly tokens: WebTokens,
    url: string,
  ) {
    super(url);
  }
}

/** A sign-out's answer: the session's cookies are cleared, then the browser sees `url` (303). */
export class EndSession extends SeeOther {}

/**
 * Sets or clears the session cookies a handler's StartSession or EndSession asks for, so that
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
        if (result instanceof StartSession) this.web.start(res, result.tokens);
        if (result instanceof EndSession) clearSessionCookies(res, this.web.secureCookies);
        return result;
      }),
    );
  }
}
