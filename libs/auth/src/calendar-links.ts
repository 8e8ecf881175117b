import { authConfig, type AuthConfig } from '@app/config';
import type { Role } from '@app/people';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Who a calendar link belongs to. */
export interface CalendarHolder {
  userId: string;
  councilId: string;
  role: Role;
}

/**
 * Private calendar links: `/calendar/<person>/<token>.ics`, read by calendar apps that cannot sign
 * in. The token is an HMAC, under a key derived from JWT_SECRET, of the person and a random key
 * kept on their row: the database alone opens no feed; a new key ends the old link at once; no
 * key (or a disabled account) means no feed.
 */
@Injectable()
export class CalendarLinks {
  private readonly secret: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) config: AuthConfig,
  ) {
    this.secret = createHmac('sha256', config.jwtSecret).update('followthrough-calendar').digest();
  }

  /** The person's current link token, or null when they have none. */
  async tokenOf(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ key: string | null }[]>(
      `SELECT calendar_key AS key FROM users WHERE id = $1`,
      [userId],
    );
    return row?.key ? this.token(userId, row.key) : null;
  }

  /** A new link, ending any old one. */
  async reset(userId: string): Promise<string> {
    const key = randomBytes(16).toString('base64url');
    await this.dataSource.query(`UPDATE users SET calendar_key = $2 WHERE id = $1`, [userId, key]);
    return this.token(userId, key);
  }

  /** No link at all: the old one stops working. */
  async stop(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET calendar_key = NULL WHERE id = $1`, [userId]);
  }

  /** Whose link this is, or null for a wrong, ended or disabled one. */
  async holderOf(userId: string, token: string): Promise<CalendarHolder | null> {
    const [row] = await this.dataSource.query<(CalendarHolder & { key: string | null })[]>(
      `SELECT id AS "userId", council_id AS "councilId", role, calendar_key AS key
         FROM users WHERE id = $1 AND disabled_at IS NULL`,
      [userId],
    );
    if (!row?.key) return null;
    const expected = Buffer.from(this.token(userId, row.key));
    const given = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId: row.userId, councilId: row.councilId, role: row.role };
  }

  private token(userId: string, key: string): string {
    return createHmac('sha256', this.secret).update(`${userId}.${key}`).digest('base64url');
  }
}
