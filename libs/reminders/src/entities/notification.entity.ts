import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationKind, NotificationStatus } from '../notification-kinds';

/**
 * One email owed to one person. The unique key (action, kind, deadline, recipient, moment) is
 * what makes a reminder go once; rows sharing `batchKey` go out as one email.
 */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  /** Null for a weekly digest, which is about many actions. */
  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId!: string | null;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** Which reminder of its kind: `d-7` (7 days before), `o+8` (8 days overdue), `a2`, `w2026-11-30`. */
  @Column({ type: 'text' })
  moment!: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** The deadline the email stated when it went (emails about one action); null before. */
  @Column({ name: 'stated_due_on', type: 'date', nullable: true })
  statedDueOn!: string | null;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ name: 'batch_key', type: 'text' })
  batchKey!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  @Column({ name: 'send_after', type: 'timestamptz' })
  sendAfter!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Why it was cancelled. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
