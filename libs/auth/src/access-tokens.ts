import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import type { AccessTokenClaims } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** The token of an `Authorization: Bearer <token>` header, if the header holds one. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}

/**
 * Who an access token stands for, however it arrived (a bearer header, a page's session cookie):
 * the token's signature, algorithm, `exp`, `aud` and `iss` are checked (JwtModule's
 * verifyOptions), and then its session, so a token outlives neither logout nor its user being
 * disabled.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  /** Throws UnauthorizedException unless the token verifies and its session is live. */
  async authenticate(token: string): Promise<Principal> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(token);
    } catch {
      throw new UnauthorizedException('Access token is invalid or has expired');
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
      throw new UnauthorizedException('Access token is invalid or has expired');
    }
    const principal = await this.sessions.principalFor(claims.sid, claims.sub);
    if (!principal) throw new UnauthorizedException('Session has ended; log in again');
    return principal;
  }
}
