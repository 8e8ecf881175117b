import {
  CouncilIdColumn,
  CreatedAtColumn,
  DateColumn,
  IntegerColumn,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '@app/database';
import { Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind, NotificationStatus } from '../notification-kinds';

/**
 * One email owed to one person. The unique key (action, kind, deadline, recipient, moment) is
 * what makes a reminder go once; rows sharing `batchKey` go out as one email.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @CouncilIdColumn() councilId!: string;

  /** Null for a weekly digest, which is about many actions. */
  @UuidColumn('action_id', { nullable: true }) actionId!: string | null;
  @TextColumn('kind') kind!: NotificationKind;

  /** Which reminder of its kind: `d-7` (7 days before), `o+8` (8 days overdue), `a2`, `w2026-11-30`. */
  @TextColumn('moment') moment!: string;
  @DateColumn('due_on', { nullable: true }) dueOn!: string | null;

  /** The deadline the email stated when it went (emails about one action); null before. */
  @DateColumn('stated_due_on', { nullable: true }) statedDueOn!: string | null;
  @UuidColumn('recipient_id') recipientId!: string;
  @TextColumn('batch_key') batchKey!: string;
  @TextColumn('status', { default: 'pending' }) status!: NotificationStatus;
  @TimestampColumn('send_after') sendAfter!: Date;
  @IntegerColumn('attempts', { default: 0 }) attempts!: number;
  @TextColumn('last_error', { nullable: true }) lastError!: string | null;

  /** Why it was cancelled. */
  @TextColumn('reason', { nullable: true }) reason!: string | null;
  @TextColumn('message_id', { nullable: true }) messageId!: string | null;
  @TimestampColumn('sent_at', { nullable: true }) sentAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
