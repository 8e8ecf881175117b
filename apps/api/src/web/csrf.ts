import { appConfig, type AppConfig, authConfig, type AuthConfig } from '@app/config';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { createHmac } from 'node:crypto';

/** Set on the request by the page that knows who is signed in; forms are bound to it. */
export const CSRF_SESSION = Symbol('csrfSession');
type WithSession = Request & { [CSRF_SESSION]?: string };

/**
 * CSRF tokens for every form (csrf-csrf, double submit: an httpOnly cookie and a hidden
 * field, HMAC-bound to the session so a token from one session is refused in another).
 */
@Injectable()
export class Csrf {
  private readonly utilities: ReturnType<typeof doubleCsrf>;

  constructor(@Inject(authConfig.KEY) auth: AuthConfig, @Inject(appConfig.KEY) app: AppConfig) {
    // A key of its own, derived from JWT_SECRET, so the two uses never share one.
    const secret = createHmac('sha256', auth.jwtSecret).update('followthrough-csrf').digest('hex');
    this.utilities = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => (req as WithSession)[CSRF_SESSION] ?? 'signed-out',
      cookieName: 'ft_csrf',
      cookieOptions: {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: app.secureCookies,
      },
      getCsrfTokenFromRequest: (req) => {
        // An upload's body is read only after this check, so its form carries the token in
        // its address instead.
        for (const fields of [req.body, req.query] as (Record<string, unknown> | undefined)[]) {
          if (typeof fields?._csrf === 'string') return fields._csrf;
        }
        return null;
      },
    });
  }

  token(req: Request, res: Response, sessionId: string | null): string {
    if (sessionId) (req as WithSession)[CSRF_SESSION] = sessionId;
    return this.utilities.generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
  }

  /** 403 unless the form carries this session's token. */
  assert(req: Request, sessionId: string | null): void {
    if (sessionId) (req as WithSession)[CSRF_SESSION] = sessionId;
    if (!this.utilities.validateRequest(req)) {
      throw new ForbiddenException('The form had expired or did not come from this service');
    }
  }
}
