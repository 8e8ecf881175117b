import { ACTION_STATUSES, type ActionStatus, type Rag, RAGS, rollUpRag } from '@app/actions';
import type { RagCorrection } from '@app/measures';

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
 * and a blocked one amber (`deadlineRagOf`); `corrections` put right the actions whose RAG is
 * more than that (measures, an override); then the one rule (`rollUpRag`) rolls them up.
 */
export function summarise(
  counts: readonly StatusCount[],
  corrections: readonly RagCorrection[] = [],
): Progress {
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
  const ragCounts = { live, red: overdue, redPriority: overduePriority, amber: byStatus.blocked };
  // An action with measures or an override counts as its real RAG, not its deadline's.
  for (const c of corrections) {
    if (c.overdue) ragCounts.red -= 1;
    if (c.overdue && c.priority) ragCounts.redPriority -= 1;
    if (c.blocked) ragCounts.amber -= 1;
    if (c.rag === 'red') ragCounts.red += 1;
    if (c.rag === 'red' && c.priority) ragCounts.redPriority += 1;
    if (c.rag === 'amber') ragCounts.amber += 1;
  }
  const rag = rollUpRag(ragCounts);
  return { total, byStatus, percentComplete, overdue, overduePriority, rag };
}
