import { Clock } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Action } from '../entities/action.entity';
import { AuditEntry, type AuditChanges, type AuditEvent } from '../entities/audit-entry.entity';

export interface AuditRecord {
  councilId: string;
  actionId: string;
  /** Null for the system (an import, a scheduled job). */
  actorId: string | null;
  event: AuditEvent;
  changes: AuditChanges;
  reason?: string | null;
}

/** Normalises values for the log: dates as ISO strings, undefined as null. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * The before/after of every field that differs between `before` and `after`, for the fields
 * named. Equal values are left out, so an entry lists only what really changed.
 */
export function diff<T extends object>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = plain(before[field]);
    const to = plain(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** The fields a new action's 'created' entry lists, whichever way the action was made. */
const CREATED_FIELDS = [
  'reference',
  'title',
  'description',
  'successMeasure',
  'ownerId',
  'dueOn',
  'originalDueOn',
  'status',
] as const satisfies readonly (keyof Action)[];

/** What an action was created with: each field that has a value, from null. */
export function createdChanges(action: Action): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of CREATED_FIELDS) {
    if (action[field] !== null) changes[field] = { from: null, to: plain(action[field]) };
  }
  return changes;
}

/**
 * Writes audit entries inside the caller's transaction (`em`), so a change and its record
 * commit or roll back together.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await this.recordMany(em, [entry]);
  }

  async recordMany(em: EntityManager, entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) =>
      // The app's clock, not the database's: "as at" reports replay the history by these times,
      // and they must agree with the dates the rules judged by.
      em.create(AuditEntry, {
        ...entry,
        reason: entry.reason ?? null,
        occurredAt: this.clock.now(),
      }),
    );
    // reload: false, since nothing reads the generated ids back.
    await em.save(AuditEntry, rows, { reload: false, chunk: 500 });
  }

  /**
   * The 'created' entry of each new action: one shape for an import, a split and an accepted
   * suggestion, so the history reads the same whichever way an action was made.
   */
  async recordCreated(
    em: EntityManager,
    actions: readonly Action[],
    actorId: string | null,
    reason: string | null = null,
  ): Promise<void> {
    await this.recordMany(
      em,
      actions.map((action) => ({
        councilId: action.councilId,
        actionId: action.id,
        actorId,
        event: 'created',
        changes: createdChanges(action),
        reason,
      })),
    );
  }
}
