import { type ActionStatus, deadlineRagOf, type Rag, worseRag } from '@app/actions';

/** A measure as an action's RAG reads it: its name, and its own RAG and reason. */
export interface RatedMeasure {
  name: string;
  rag: Rag | null;
  reason: string;
}

export interface ComputedRag {
  /** Null for a cancelled action: there is nothing left to rate. */
  rag: Rag | null;
  reason: string;
}

/**
 * An action's computed RAG: the worse of its deadline's (`deadlineRagOf`: overdue red, blocked
 * amber, done green) and its measures' (each latest reading against the line to its target).
 * A done action is still judged by its measures: finishing the work is not the same as the
 * numbers moving. When the deadline and a measure are equally bad, the deadline is the reason.
 */
export function actionRagOf(
  action: { status: ActionStatus; dueOn: string | null },
  measures: readonly RatedMeasure[],
  today: string,
): ComputedRag {
  const deadline = deadlineRagOf(action, today);
  if (deadline.rag === null) return deadline;
  let worst: ComputedRag = deadline;
  for (const measure of measures) {
    if (measure.rag !== null && worseRag(worst.rag, measure.rag) !== worst.rag) {
      worst = { rag: measure.rag, reason: `${measure.name}: ${measure.reason}` };
    }
  }
  return worst;
}

/** The RAG people see: a manager's override when there is one, else the computed value. */
export function effectiveRag(computed: ComputedRag, override: { rag: Rag } | null): Rag | null {
  return computed.rag === null ? null : (override?.rag ?? computed.rag);
}
