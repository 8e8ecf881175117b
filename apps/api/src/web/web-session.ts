import type { CookieOptions, Response } from 'express';

/** The access token (15 minutes) and the refresh token that renews it, both httpOnly. */
export const ACCESS_COOKIE = 'ft_access';
export const REFRESH_COOKIE = 'ft_refresh';

/**
 * The state of a sign-in begun at a council's provider, binding it to this browser: the
 * callback is refused unless it brings the same state back to the browser that began it.
 */
export const SSO_COOKIE = 'ft_sso';
const SSO_COOKIE_PATH = '/sign-in/sso';

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

export function setSsoCookie(res: Response, state: string, secure: boolean, minutes: number): void {
  res.cookie(SSO_COOKIE, state, {
    ...cookieOptions(secure),
    // Lax is what brings it back: the provider's redirect to the callback is a top-level GET.
    path: SSO_COOKIE_PATH,
    maxAge: minutes * 60_000,
  });
}

export function clearSsoCookie(res: Response, secure: boolean): void {
  res.clearCookie(SSO_COOKIE, { ...cookieOptions(secure), path: SSO_COOKIE_PATH });
}
