import { Clock } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { SqlRunner } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { addDays } from 'date-fns';
import { IsNull, Not, type Repository } from 'typeorm';
import { Session } from './entities/session.entity';
import type { Principal } from './principal';
import { digestToken, newRefreshToken } from './tokens';

export type RevokeReason = 'logout' | 'refresh_reuse' | 'user_disabled' | 'password_changed';

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

export type RotateResult =
  { outcome: 'rotated'; session: Session; refreshToken: string } | { outcome: 'invalid' };

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly clock: Clock,
    private readonly sql: SqlRunner,
  ) {}

  async start(
    userId: string,
    client: ClientInfo = {},
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
      }),
    );
    return { session, refreshToken };
  }

  /**
   * Swaps a refresh token for a new one. Presenting the token that was just replaced means two
   * parties hold it (one of them a thief): the whole session ends.
   */
  async rotate(refreshToken: string): Promise<RotateResult> {
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
      if (session.refreshTokenHash !== digest) {
        await repo.update(session.id, { revokedAt: now, revokedReason: 'refresh_reuse' });
        return { outcome: 'invalid' };
      }
      const next = newRefreshToken();
      session.previousRefreshTokenHash = digest;
      session.refreshTokenHash = digestToken(next);
      session.refreshedAt = now;
      await repo.save(session);
      return { outcome: 'rotated', session, refreshToken: next };
    });
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
    const rows = await this.sql.query<{ council_id: string; role: Principal['role'] }>(
      `SELECT u.council_id, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3
          AND u.disabled_at IS NULL`,
      [sessionId, userId, this.clock.now()],
    );
    const row = rows[0];
    return row ? { userId, sessionId, councilId: row.council_id, role: row.role } : null;
  }
}
