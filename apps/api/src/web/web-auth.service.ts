import { AccessTokens, AuthService, type Principal } from '@app/auth';
import { appConfig, type AppConfig } from '@app/config';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ACCESS_COOKIE,
  clearSessionCookies,
  REFRESH_COOKIE,
  setSessionCookies,
  type WebTokens,
} from './web-session';

/** Who is signed in, from the session cookies: the same tokens and checks as the API. */
@Injectable()
export class WebAuth {
  readonly secureCookies: boolean;

  constructor(
    private readonly tokens: AccessTokens,
    private readonly auth: AuthService,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    this.secureCookies = app.secureCookies;
  }

  /**
   * The principal, renewing an expired access token with the refresh token (which rotates);
   * null when the session is refused (signed out, expired, revoked or disabled). Anything else,
   * such as the database being unreachable, is thrown: it says nothing about the session, so
   * the cookies stay and the person is still signed in once the service is back.
   */
  async principal(req: Request, res: Response): Promise<Principal | null> {
    const cookies = req.cookies as Record<string, string | undefined>;
    const access = cookies[ACCESS_COOKIE];
    if (access) {
      try {
        return await this.tokens.authenticate(access);
      } catch (error) {
        // Expired or revoked: the refresh token decides.
        if (!(error instanceof UnauthorizedException)) throw error;
      }
    }
    const refresh = cookies[REFRESH_COOKIE];
    if (!refresh) return null;
    let renewed: WebTokens;
    try {
      renewed = await this.auth.refresh(refresh);
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      clearSessionCookies(res, this.secureCookies);
      return null;
    }
    this.start(res, renewed);
    return this.tokens.authenticate(renewed.accessToken);
  }

  /** Whether the browser had a session at all (to tell "expired" from "never signed in"). */
  hadSession(req: Request): boolean {
    const cookies = req.cookies as Record<string, string | undefined>;
    return Boolean(cookies[REFRESH_COOKIE] ?? cookies[ACCESS_COOKIE]);
  }

  start(res: Response, tokens: WebTokens): void {
    setSessionCookies(res, tokens, this.secureCookies);
  }

  /** Ends the session server-side too, so a copied cookie stops working at once. */
  async end(principal: Principal | null, res: Response): Promise<void> {
    if (principal) await this.auth.logout(principal);
    clearSessionCookies(res, this.secureCookies);
  }
}
