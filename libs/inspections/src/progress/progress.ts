import { ACTION_STATUSES, type ActionStatus, type Rag, RAGS, rollUpRag } from '@app/actions';

export const RAG_RATINGS = RAGS;
export type RagRating = Rag;

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

export function emptyByStatus(): Record<ActionStatus, number> {
  return Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >;
}

/**
 * Progress and RAG from counts. Counted by status and deadline alone, an overdue action is red
 * and a blocked one amber (`deadlineRagOf`), rolled up by the one rule (`rollUpRag`).
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
  const rag = rollUpRag({
    live,
    red: overdue,
    redPriority: overduePriority,
    amber: byStatus.blocked,
  });
  return { total, byStatus, percentComplete, overdue, overduePriority, rag };
}
