import type { CookieOptions, Response } from 'express';

/** The access token (15 minutes) and the refresh token that renews it, both httpOnly. */
export const ACCESS_COOKIE = 'ft_access';
export const REFRESH_COOKIE = 'ft_refresh';

export interface WebTokens {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function cookieOptions(secure: boolean): CookieOptions {
  // Lax: links from reminder emails must arrive signed in; forms are POSTs with a CSRF token.
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookies(res: Response, tokens: WebTokens, secure: boolean): void {
  res.cookie(ACCESS_COOKIE, tokens.accessToken, cookieOptions(secure));
  res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
    ...cookieOptions(secure),
    expires: tokens.refreshExpiresAt,
  });
}

export function clearSessionCookies(res: Response, secure: boolean): void {
  res.clearCookie(ACCESS_COOKIE, cookieOptions(secure));
  res.clearCookie(REFRESH_COOKIE, cookieOptions(secure));
}
