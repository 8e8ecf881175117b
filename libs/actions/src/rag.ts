import type { ActionStatus } from './entities/action.entity';

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

/** Worst first: a roll-up or a combination takes the first that applies. */
const SEVERITY: Record<Rag, number> = { red: 2, amber: 1, green: 0 };

/** The worse of two RAGs (null is no rating, better than any). */
export function worseRag(a: Rag | null, b: Rag | null): Rag | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** A fifth or more of the live actions red makes the whole plan red. */
export const RED_SHARE = 0.2;

/** What a plan's RAG is rolled up from: its live actions by RAG, and red priority ones. */
export interface RagCounts {
  /** Live actions (draft, open, in progress, blocked): the base of the red share. */
  live: number;
  red: number;
  /** Red actions that answer an area for priority action. */
  redPriority: number;
  amber: number;
}

/**
 * An inspection's (or the council's) RAG from its actions' RAGs: red when any action answering
 * an area for priority action is red, or a fifth or more of the live actions are; amber when any
 * action is red or amber; green otherwise, including a plan with nothing in it yet.
 */
export function rollUpRag(counts: RagCounts): Rag {
  const { live, red, redPriority, amber } = counts;
  if (redPriority > 0 || (live > 0 && red / live >= RED_SHARE)) return 'red';
  return red > 0 || amber > 0 ? 'amber' : 'green';
}

/** An action's RAG from its status and deadline alone, and why. Measures may make it worse. */
export function deadlineRagOf(
  action: { status: ActionStatus; dueOn: string | null },
  today: string,
): { rag: Rag | null; reason: string } {
  if (action.status === 'cancelled') return { rag: null, reason: 'Cancelled, so not rated.' };
  if (action.status === 'completed' || action.status === 'verified') {
    return { rag: 'green', reason: 'Done.' };
  }
  if (action.dueOn !== null && action.dueOn < today) {
    return { rag: 'red', reason: 'Overdue: the deadline has passed.' };
  }
  if (action.status === 'blocked') return { rag: 'amber', reason: 'Blocked.' };
  return { rag: 'green', reason: 'On track: the deadline has not passed.' };
}
