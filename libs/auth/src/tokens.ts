import { createHash, randomBytes } from 'node:crypto';

/** `aud` and `iss` of every access token; verification rejects any other. */
export const TOKEN_AUDIENCE = 'followthrough-api';
export const TOKEN_ISSUER = 'followthrough';
/** The only algorithm accepted: `none` and key-confusion tricks fail verification. */
export const TOKEN_ALGORITHMS = ['HS256'] as const;

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  cid: string;
  role: string;
}

/** 256 random bits, URL-safe: the refresh token itself, shown to the client once. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token: a leaked table cannot be replayed. */
export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
