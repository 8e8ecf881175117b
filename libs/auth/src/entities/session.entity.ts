import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn, UuidColumn } from '@app/database';
import { User } from '@app/people';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';

export type SignInMethod = 'password' | 'sso';

/**
 * One login on one device. Access tokens name it (`sid`), so revoking the row ends them at once.
 * The refresh token rotates on every use; only SHA-256 digests are stored. Presenting the
 * previous token again within a few seconds of its rotation (two tabs loading at once) gets the
 * same new pair; later (a stolen copy being replayed) it revokes the session.
 */
@Entity({ name: 'sessions' })
export class Session {
  @IdColumn() id!: string;
  @UuidColumn('user_id') userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @TextColumn('refresh_token_hash') refreshTokenHash!: string;
  @TextColumn('previous_refresh_token_hash', { nullable: true }) previousRefreshTokenHash!:
    string | null;
  @CreatedAtColumn() createdAt!: Date;

  /** Absolute end: refreshing does not extend it. */
  @TimestampColumn('expires_at') expiresAt!: Date;
  @TimestampColumn('refreshed_at', { nullable: true }) refreshedAt!: Date | null;

  /**
   * The `iat` of the access token handed out with the current refresh token: a retry in the
   * grace window is signed with it again, which gives the very same token.
   */
  @TimestampColumn('access_issued_at', { nullable: true }) accessIssuedAt!: Date | null;
  @TimestampColumn('revoked_at', { nullable: true }) revokedAt!: Date | null;

  /** `logout`, `refresh_reuse`, `user_disabled`, `password_changed`. */
  @TextColumn('revoked_reason', { nullable: true }) revokedReason!: string | null;
  /** How the person signed in: `password`, or `sso` through their council's provider. */
  @TextColumn('sign_in_method', { default: 'password' }) signInMethod!: SignInMethod;
  @TextColumn('user_agent', { nullable: true }) userAgent!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;
}
