import { authConfig, type AuthConfig } from '@app/config';
import { type User, UsersService } from '@app/people';
import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SignInMethod } from './entities/session.entity';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { type ClientInfo, SessionsService } from './sessions.service';
import { PASSWORDS_OFF, SsoSettingsService } from './sso/sso-settings.service';
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
    private readonly sso: SsoSettingsService,
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
    // Asked only once the password is right, so the refusal tells nobody else whose council
    // this address is in.
    if (!(await this.sso.passwordsAllowed(user.councilId))) {
      throw new ForbiddenException(PASSWORDS_OFF);
    }
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.setPasswordHash(user.id, await this.hasher.hash(password));
    }
    return this.startSession(user, client, 'password');
  }

  /**
   * A new session for `user`, who has just proved who they are (`method`): the same session,
   * tokens and cookies whichever way they signed in.
   */
  async startSession(
    user: User,
    client: ClientInfo,
    method: SignInMethod,
  ): Promise<{ user: User; tokens: IssuedTokens }> {
    const { session, refreshToken } = await this.sessions.start(user.id, client, method);
    const tokens = await this.issue(
      { sub: user.id, sid: session.id, cid: user.councilId, role: user.role },
      refreshToken,
      session.expiresAt,
    );
    return { user: await this.users.get(user.councilId, user.id), tokens };
  }

  /**
   * The next access and refresh token. The previous refresh token presented again within a few
   * seconds gets the same pair (see SessionsService.rotate), so two tabs share one session.
   */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    // Whole seconds of real time, not the injected Clock: a JWT's iat and exp are checked
    // against the real clock, and the iat is stored so a retry can be signed identically.
    const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const rotated = await this.sessions.rotate(refreshToken, issuedAt);
    if (rotated.outcome !== 'rotated') throw new UnauthorizedException(REFRESH_FAILED);
    const { session } = rotated;
    const principal = await this.sessions.principalFor(session.id, session.userId);
    if (!principal) throw new UnauthorizedException(REFRESH_FAILED);
    return this.issue(
      { sub: principal.userId, sid: session.id, cid: principal.councilId, role: principal.role },
      rotated.refreshToken,
      session.expiresAt,
      rotated.accessIssuedAt,
    );
  }

  logout(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.sessionId, 'logout');
  }

  /**
   * Signs the access token with `issuedAt` as its iat (exp follows from it): the same claims and
   * iat sign to the same token, which is how a retry in the grace window gets the same pair.
   */
  private async issue(
    claims: AccessTokenClaims,
    refreshToken: string,
    refreshExpiresAt: Date,
    issuedAt = new Date(),
  ): Promise<IssuedTokens> {
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const age = Math.max(0, Math.floor(Date.now() / 1000) - iat);
    return {
      accessToken: await this.jwt.signAsync({ ...claims, iat }),
      tokenType: 'Bearer',
      expiresIn: Math.max(0, this.config.accessTokenTtlSeconds - age),
      refreshToken,
      refreshExpiresAt,
    };
  }
}
