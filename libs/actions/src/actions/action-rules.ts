import type { Role } from '@app/people';
import type { ActionStatus } from '../entities/action.entity';

/**
 * The action workflow, as data: who may move an action from which status to which. Pure, so the
 * rules are tested without a database and read in one place.
 */
export const TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  draft: ['open', 'cancelled'],
  open: ['in_progress', 'blocked', 'completed', 'cancelled'],
  in_progress: ['blocked', 'completed', 'open', 'cancelled'],
  blocked: ['open', 'in_progress', 'cancelled'],
  // Back to in_progress is "reopen": the work turned out not to be done.
  completed: ['verified', 'in_progress'],
  verified: [],
  cancelled: [],
};

/** Statuses only a manager (or admin) may set. */
export const MANAGER_ONLY_STATUSES: readonly ActionStatus[] = ['verified', 'cancelled'];

/** Statuses that need a reason (stored on the action; the database checks it too). */
export const STATUSES_NEEDING_REASON: readonly ActionStatus[] = ['blocked', 'cancelled'];

export function allowedNext(from: ActionStatus): readonly ActionStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The message for a refused transition: what was asked, and what would have been allowed. */
export function illegalTransitionMessage(from: ActionStatus, to: ActionStatus): string {
  const next = allowedNext(from);
  return next.length === 0
    ? `Cannot change status from ${from} to ${to}: ${from} is final`
    : `Cannot change status from ${from} to ${to}; allowed next: ${next.join(', ')}`;
}

/** What an action still lacks to be SMART, as ActionDto.smartGaps names it. */
export type SmartGap = 'owner' | 'dueOn' | 'successMeasure';
/** The same gaps as request fields, as the 422's details.missing names them. */
export type SmartField = 'ownerId' | 'dueOn' | 'successMeasure';

export interface SmartFacts {
  ownerId: string | null;
  dueOn: string | null;
  successMeasure: string | null;
}

const blank = (value: string | null): boolean => value === null || value.trim() === '';

export function smartGaps(action: SmartFacts): SmartGap[] {
  const gaps: SmartGap[] = [];
  if (action.ownerId === null) gaps.push('owner');
  if (action.dueOn === null) gaps.push('dueOn');
  if (blank(action.successMeasure)) gaps.push('successMeasure');
  return gaps;
}

const FIELD_OF: Record<SmartGap, SmartField> = {
  owner: 'ownerId',
  dueOn: 'dueOn',
  successMeasure: 'successMeasure',
};

/** The request fields an action needs before it may leave draft (empty when it may). */
export function missingToLeaveDraft(action: SmartFacts): SmartField[] {
  return smartGaps(action).map((gap) => FIELD_OF[gap]);
}

/** The fields of PATCH /actions/:id. */
export type PatchField =
  | 'title'
  | 'description'
  | 'successMeasure'
  | 'ownerId'
  | 'dueOn'
  | 'dueOnReason'
  | 'status'
  | 'statusReason'
  | 'organisationId';

/** What staff may send, and only on actions they own (partners: theirs or their organisation's). */
const STAFF_FIELDS: readonly PatchField[] = ['status', 'statusReason'];

export interface Actor {
  userId: string;
  role: Role;
  /** A partner's organisation; absent or null for council staff. */
  organisationId?: string | null;
}

/** What decides whether a partner may see an action. */
export interface ReachFacts {
  ownerId: string | null;
  organisationId: string | null;
  status: ActionStatus;
}

/**
 * Whether `actor` may see the action: council staff see all their council's; a partner only
 * those it owns or its organisation is responsible for, once out of draft (partnerReachSql is
 * the same rule in SQL).
 */
export function canSee(actor: Actor, action: ReachFacts): boolean {
  if (actor.role !== 'partner') return true;
  if (action.status === 'draft') return false;
  return (
    action.ownerId === actor.userId ||
    (!!actor.organisationId && action.organisationId === actor.organisationId)
  );
}

/**
 * Why `actor` may not make this change, or null when they may. Managers and admins may change
 * anything; staff only move their own actions along (never to verified or cancelled).
 */
export function patchDenial(
  actor: Actor,
  action: ReachFacts,
  fields: readonly PatchField[],
  toStatus: ActionStatus | undefined,
): string | null {
  if (actor.role !== 'staff' && actor.role !== 'partner') return null;
  const theirs = actor.role === 'partner' ? canSee(actor, action) : action.ownerId === actor.userId;
  if (!theirs) return 'Only the owner or a manager can update this action';
  const forbidden = fields.filter((field) => !STAFF_FIELDS.includes(field));
  if (forbidden.length > 0) {
    return actor.role === 'partner'
      ? `Only a council manager can change ${forbidden.join(', ')}; partners may change the status of their actions`
      : `Only a manager can change ${forbidden.join(', ')}; staff may change the status of actions they own`;
  }
  if (toStatus !== undefined && MANAGER_ONLY_STATUSES.includes(toStatus)) {
    return `Only a manager can set status ${toStatus}`;
  }
  return null;
}

/** Progress notes come from the owner, a manager, or a partner on their organisation's action. */
export function mayAddUpdate(actor: Actor, action: ReachFacts): boolean {
  if (actor.role === 'partner') return canSee(actor, action);
  return actor.role !== 'staff' || action.ownerId === actor.userId;
}
