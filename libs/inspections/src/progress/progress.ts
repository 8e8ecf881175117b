import { ACTION_STATUSES, type ActionStatus } from '@app/actions';

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

export interface Progress {
  total: number;
  byStatus: Record<ActionStatus, number>;
  /** Completed or verified, as a whole percentage of the actions not cancelled. */
  percentComplete: number;
  overdue: number;
  /** Overdue actions that answer an area for priority action. */
  overduePriority: number;
  rag: RagRating;
}

export interface StatusCount {
  status: ActionStatus;
  count: number;
  overdue: number;
  overduePriority: number;
}

/** A fifth or more of the live actions overdue is red, like any overdue priority action. */
const RED_OVERDUE_SHARE = 0.2;

export function emptyByStatus(): Record<ActionStatus, number> {
  return Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
}

/**
 * RAG: red when any priority action is overdue or a fifth of live actions are; amber when
 * anything is overdue or blocked; green otherwise (including a plan with nothing in it yet).
 */
export function summarise(counts: readonly StatusCount[]): Progress {
  const byStatus = emptyByStatus();
  let overdue = 0;
  let overduePriority = 0;
  for (const row of counts) {
    byStatus[row.status] += row.count;
    overdue += row.overdue;
    overduePriority += row.overduePriority;
  }
  const total = ACTION_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  const done = byStatus.completed + byStatus.verified;
  const counted = total - byStatus.cancelled;
  const live = byStatus.draft + byStatus.open + byStatus.in_progress + byStatus.blocked;
  const percentComplete = counted === 0 ? 0 : Math.round((100 * done) / counted);
  const rag: RagRating =
    overduePriority > 0 || (live > 0 && overdue / live >= RED_OVERDUE_SHARE)
      ? 'red'
      : overdue > 0 || byStatus.blocked > 0
        ? 'amber'
        : 'green';
  return { total, byStatus, percentComplete, overdue, overduePriority, rag };
}
