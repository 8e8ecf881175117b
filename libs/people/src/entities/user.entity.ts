import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  References,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '@app/database';
import { Entity, JoinColumn, ManyToOne } from 'typeorm';
import type { EmailPreference } from '../notification-settings';
import { Council } from './council.entity';

export const ROLES = ['partner', 'staff', 'manager', 'admin'] as const;
/**
 * From staff up, each role can do everything the roles before it can. A partner (someone from a
 * partner agency) sees and updates only the actions it owns or its organisation is responsible for.
 */
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
export class User extends CouncilOwnedEntity {
  @References(() => Council, 'council_id') council?: Council;

  /** Stored lower-case; unique across councils, since login asks only for the email. */
  @TextColumn('email') email!: string;
  @TextColumn('name') name!: string;
  @TextColumn('role') role!: Role;
  @TextColumn('team', { nullable: true }) team!: string | null;
  /** The partner agency a partner user belongs to; set exactly when the role is partner. */
  @UuidColumn('organisation_id', { nullable: true }) organisationId!: string | null;
  @UuidColumn('line_manager_id', { nullable: true }) lineManagerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'line_manager_id' })
  lineManager?: User | null;

  @TextColumn('email_preference', { default: 'every' }) emailPreference!: EmailPreference;

  /** argon2id, PHC string format (parameters travel with the hash). */
  @TextColumn('password_hash', { select: false }) passwordHash!: string;

  /** Set when an admin disables the account; every session ends with it. */
  @TimestampColumn('disabled_at', { nullable: true }) disabledAt!: Date | null;

  /** The key of the person's calendar link (see CalendarLinks); null when they have none. */
  @TextColumn('calendar_key', { nullable: true, select: false }) calendarKey!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
