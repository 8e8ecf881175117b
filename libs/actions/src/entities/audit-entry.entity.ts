import {
  CouncilIdColumn,
  CreatedAtColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Action } from './action.entity';

export const AUDIT_EVENTS = [
  'created',
  'updated',
  'status_changed',
  'deadline_revised',
  'progress_added',
  'measure_added',
  'measure_changed',
  'reading_recorded',
  'rag_overridden',
  'rag_override_cleared',
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

  @CouncilIdColumn() councilId!: string;
  @UuidColumn('action_id') actionId!: string;
  @References(() => Action, 'action_id') action?: Action;

  /** Null for changes made by the system (an import, a scheduled job). */
  @UuidColumn('actor_id', { nullable: true }) actorId!: string | null;
  @References(() => User, 'actor_id') actor?: User | null;
  @CreatedAtColumn('occurred_at') occurredAt!: Date;
  @TextColumn('event') event!: AuditEvent;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: AuditChanges;

  @TextColumn('reason', { nullable: true }) reason!: string | null;
}
