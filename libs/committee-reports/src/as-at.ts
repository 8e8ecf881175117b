import type { ActionStatus, AuditChanges, AuditEvent, Rag } from '@app/actions';
import { MEASURE_FIELDS, type MeasureInput } from '@app/measures';

/**
 * Rebuilding what an action looked like at an instant from what it looks like now and its
 * history: every change to the fields a report shows is an audit entry with the value before
 * and after, so undoing, newest first, the entries made since that instant gives the state then.
 * Pure, so the rules can be tested without a database.
 */

export interface ActionRow {
  id: string;
  inspectionId: string;
  recommendationId: string;
  reference: string;
  sequence: number;
  title: string;
  ownerId: string | null;
  dueOn: string | null;
  originalDueOn: string | null;
  status: ActionStatus;
  createdAt: Date;
}

export interface EntryRow {
  actionId: string;
  actorId: string | null;
  occurredAt: Date;
  event: AuditEvent;
  changes: AuditChanges;
  reason: string | null;
}

export interface MeasureRow extends MeasureInput {
  id: string;
  actionId: string;
  createdAt: Date;
}

/** The action fields a report shows, as the audit log names them. */
const ACTION_FIELDS = [
  'title',
  'ownerId',
  'dueOn',
  'originalDueOn',
  'status',
] as const satisfies readonly (keyof ActionRow)[];

/** Events that change an action's own fields (a measure or a reading changes neither). */
const ACTION_EVENTS: ReadonlySet<AuditEvent> = new Set([
  'updated',
  'status_changed',
  'deadline_revised',
]);

/**
 * Each action made before `at`, with its fields as they stood then. `since` must hold every
 * entry made at or after `at`, newest first.
 */
export function actionsAt(
  actions: readonly ActionRow[],
  since: readonly EntryRow[],
  at: Date,
): Map<string, ActionRow> {
  const state = new Map<string, ActionRow>();
  for (const action of actions) if (action.createdAt < at) state.set(action.id, action);
  // Copied only when changed: a council's whole plan is not held twice for the few that moved.
  const copied = new Set<string>();
  for (const entry of since) {
    if (entry.occurredAt < at || !ACTION_EVENTS.has(entry.event)) continue;
    const found = state.get(entry.actionId);
    if (!found) continue;
    const action = copied.has(found.id) ? found : { ...found };
    copied.add(action.id);
    state.set(action.id, action);
    for (const field of ACTION_FIELDS) {
      const change = entry.changes[field];
      if (change) Object.assign(action, { [field]: change.from });
    }
  }
  return state;
}

/**
 * Each action's measures made before `at`, with their terms as they stood then. A change's entry
 * names its measure by name (before and after), so it is matched by the name it had after.
 */
export function measuresAt(
  measures: readonly MeasureRow[],
  since: readonly EntryRow[],
  at: Date,
): Map<string, MeasureRow[]> {
  const byAction = new Map<string, MeasureRow[]>();
  for (const measure of measures) {
    if (measure.createdAt >= at) continue;
    const list = byAction.get(measure.actionId) ?? [];
    list.push({ ...measure });
    byAction.set(measure.actionId, list);
  }
  for (const entry of since) {
    if (entry.occurredAt < at || entry.event !== 'measure_changed') continue;
    const named = entry.changes.measure?.to;
    const measure = byAction.get(entry.actionId)?.find((m) => m.name === named);
    if (!measure) continue;
    for (const field of MEASURE_FIELDS) {
      const change = entry.changes[field];
      if (change) Object.assign(measure, { [field]: change.from });
    }
  }
  return byAction;
}

export interface OverrideAt {
  rag: Rag;
  reason: string;
  actorId: string | null;
}

/** Each action's RAG override as it stood at `at`, replayed from its entries, oldest first. */
export function overridesAt(entries: readonly EntryRow[], at: Date): Map<string, OverrideAt> {
  const state = new Map<string, OverrideAt>();
  for (const entry of entries) {
    if (entry.occurredAt >= at) break;
    if (entry.event === 'rag_override_cleared') state.delete(entry.actionId);
    if (entry.event === 'rag_overridden') {
      state.set(entry.actionId, {
        rag: entry.changes.rag?.to as Rag,
        reason: entry.reason ?? '',
        actorId: entry.actorId,
      });
    }
  }
  return state;
}
