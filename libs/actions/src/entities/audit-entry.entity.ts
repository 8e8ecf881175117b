import { User } from '@app/councils';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Action } from './action.entity';

export const AUDIT_EVENTS = [
  'created',
  'updated',
  'status_changed',
  'deadline_revised',
  'progress_added',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** Field name to its value before and after the change (null when it had none). */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * One change to an action. The table is append-only: a trigger (see the migration) refuses
 * UPDATE, DELETE and TRUNCATE, so not even the application can rewrite history.
 */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  /** bigserial: also the order entries were written in. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => Action, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_id' })
  action?: Action;

  /** Null for changes made by the system (an import, a scheduled job). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  event!: AuditEvent;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: AuditChanges;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
