import { createHash, createHmac, randomBytes } from 'node:crypto';

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

/**
 * The refresh token that replaces `previous`: an HMAC of it under a server key, so a retry in
 * the grace window can be handed the same token again without any plaintext token being kept.
 * As unpredictable as a random one to anyone without the key; with the key (JWT_SECRET) one
 * could sign access tokens anyway.
 */
export function successorRefreshToken(previous: string, key: Buffer): string {
  return createHmac('sha256', key).update(previous).digest('base64url');
}

/** The key successorRefreshToken uses: derived from JWT_SECRET, so the two never share one. */
export function refreshSuccessorKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('followthrough-refresh-successor').digest();
}
