import { authConfig, type AuthConfig } from '@app/config';
import { type User, UsersService } from '@app/councils';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { type ClientInfo, SessionsService } from './sessions.service';
import type { AccessTokenClaims } from './tokens';

export interface IssuedTokens {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  /** When the session ends, however often it is refreshed. */
  refreshExpiresAt: Date;
}

/** One message for every login failure, so it never says which half was wrong. */
const LOGIN_FAILED = 'Email or password is incorrect';
const REFRESH_FAILED = 'Session has ended; log in again';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async login(
    email: string,
    password: string,
    client: ClientInfo = {},
  ): Promise<{ user: User; tokens: IssuedTokens }> {
    const user = await this.users.findForLogin(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || user.disabledAt) throw new UnauthorizedException(LOGIN_FAILED);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.setPasswordHash(user.id, await this.hasher.hash(password));
    }
    const { session, refreshToken } = await this.sessions.start(user.id, client);
    const tokens = await this.issue(
      { sub: user.id, sid: session.id, cid: user.councilId, role: user.role },
      refreshToken,
      session.expiresAt,
    );
    return { user: await this.users.get(user.councilId, user.id), tokens };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const rotated = await this.sessions.rotate(refreshToken);
    if (rotated.outcome !== 'rotated') throw new UnauthorizedException(REFRESH_FAILED);
    const { session } = rotated;
    const principal = await this.sessions.principalFor(session.id, session.userId);
    if (!principal) throw new UnauthorizedException(REFRESH_FAILED);
    return this.issue(
      { sub: principal.userId, sid: session.id, cid: principal.councilId, role: principal.role },
      rotated.refreshToken,
      session.expiresAt,
    );
  }

  logout(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.sessionId, 'logout');
  }

  private async issue(
    claims: AccessTokenClaims,
    refreshToken: string,
    refreshExpiresAt: Date,
  ): Promise<IssuedTokens> {
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt,
    };
  }
}
