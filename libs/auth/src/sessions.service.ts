import { Clock } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { SqlRunner } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { addDays } from 'date-fns';
import { IsNull, Not, type Repository } from 'typeorm';
import { Session, type SignInMethod } from './entities/session.entity';
import type { Principal } from './principal';
import { digestToken, newRefreshToken, refreshSuccessorKey, successorRefreshToken } from './tokens';

export type RevokeReason = 'logout' | 'refresh_reuse' | 'user_disabled' | 'password_changed';

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * How long after a rotation the replaced refresh token still gets the same new pair. Page loads
 * already in flight when the access token expired (two tabs, a slow connection, a browser
 * restoring tabs) all carry the old token; 30 s lets them land. Beyond it, the old token can
 * only be a copy held by someone else, and the session ends.
 */
export const REFRESH_GRACE_SECONDS = 30;

export type RotateResult =
  | {
      outcome: 'rotated';
      session: Session;
      refreshToken: string;
      /** The iat to sign the new access token with (the first one's, for a retry). */
      accessIssuedAt: Date;
    }
  | { outcome: 'invalid' };

@Injectable()
export class SessionsService {
  private readonly successorKey: Buffer;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly clock: Clock,
    private readonly sql: SqlRunner,
  ) {
    this.successorKey = refreshSuccessorKey(config.jwtSecret);
  }

  async start(
    userId: string,
    client: ClientInfo = {},
    signInMethod: SignInMethod = 'password',
  ): Promise<{ session: Session; refreshToken: string }> {
    const refreshToken = newRefreshToken();
    const now = this.clock.now();
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        refreshTokenHash: digestToken(refreshToken),
        expiresAt: addDays(now, this.config.refreshTokenTtlDays),
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        ip: client.ip ?? null,
        signInMethod,
      }),
    );
    return { session, refreshToken };
  }

  /**
   * Swaps a refresh token for the next one, recording `accessIssuedAt` as the new access token's
   * iat. The token just replaced, presented again within REFRESH_GRACE_SECONDS, gets that same
   * pair again (another tab got there first); later it means two parties hold it (one of them a
   * thief), and the whole session ends. The row lock makes concurrent presentations take turns,
   * whichever API process they reach.
   */
  async rotate(refreshToken: string, accessIssuedAt: Date): Promise<RotateResult> {
    const digest = digestToken(refreshToken);
    const now = this.clock.now();
    return this.sessions.manager.transaction(async (em) => {
      const repo = em.getRepository(Session);
      const session = await repo
        .createQueryBuilder('session')
        .setLock('pessimistic_write')
        .where(
          'session.refresh_token_hash = :digest OR session.previous_refresh_token_hash = :digest',
          { digest },
        )
        .getOne();
      if (!session || session.revokedAt || session.expiresAt <= now) return { outcome: 'invalid' };
      const next = successorRefreshToken(refreshToken, this.successorKey);
      if (session.refreshTokenHash === digest) {
        session.previousRefreshTokenHash = digest;
        session.refreshTokenHash = digestToken(next);
        session.refreshedAt = now;
        session.accessIssuedAt = accessIssuedAt;
        await repo.save(session);
        return { outcome: 'rotated', session, refreshToken: next, accessIssuedAt };
      }
      if (this.isRetry(session, next, now)) {
        return {
          outcome: 'rotated',
          session,
          refreshToken: next,
          accessIssuedAt: session.accessIssuedAt,
        };
      }
      await repo.update(session.id, { revokedAt: now, revokedReason: 'refresh_reuse' });
      return { outcome: 'invalid' };
    });
  }

  /** The previous token, back within the grace window, and the current one its successor. */
  private isRetry(
    session: Session,
    successor: string,
    now: Date,
  ): session is Session & { refreshedAt: Date; accessIssuedAt: Date } {
    if (!session.refreshedAt || !session.accessIssuedAt) return false;
    const age = now.getTime() - session.refreshedAt.getTime();
    return (
      age <= REFRESH_GRACE_SECONDS * 1_000 && session.refreshTokenHash === digestToken(successor)
    );
  }

  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
  }

  /** Ends every live session of the user, but `keep` (the caller's own) when given. */
  async revokeAllForUser(userId: string, reason: RevokeReason, keep?: string): Promise<void> {
    await this.sessions.update(
      { userId, revokedAt: IsNull(), ...(keep !== undefined && { id: Not(keep) }) },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
  }

  /**
   * The caller behind an access token, if its session is live and its user enabled: one indexed
   * query per request, which is what makes logout and disabling take effect at once.
   */
  async principalFor(sessionId: string, userId: string): Promise<Principal | null> {
    const rows = await this.sql.query<{
      council_id: string;
      role: Principal['role'];
      organisation_id: string | null;
    }>(
      `SELECT u.council_id, u.role, u.organisation_id
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3
          AND u.disabled_at IS NULL`,
      [sessionId, userId, this.clock.now()],
    );
    const row = rows[0];
    return row
      ? {
          userId,
          sessionId,
          councilId: row.council_id,
          role: row.role,
          organisationId: row.organisation_id,
        }
      : null;
  }
}
