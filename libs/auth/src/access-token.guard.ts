import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type AuthenticatedRequest, IS_PUBLIC } from './decorators';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import type { AccessTokenClaims } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** The token of an `Authorization: Bearer <token>` header, if the header holds one. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}

/**
 * Every route needs a valid access token unless marked @Public(). The token's signature,
 * algorithm, `exp`, `aud` and `iss` are checked (JwtModule's verifyOptions), and then its
 * session: a token outlives neither logout nor its user being disabled.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token)
      throw new UnauthorizedException(
        'Log in and send the access token as "Authorization: Bearer <token>"',
      );
    request.principal = await this.authenticate(token);
    return true;
  }

  /**
   * The caller behind an access token, however it arrived (the queue board takes it from a
   * cookie): throws UnauthorizedException unless the token verifies and its session is live.
   */
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
