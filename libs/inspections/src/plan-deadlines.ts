import type { DocumentKind, RecommendationPriority } from '@app/report-parser';
import { addWorkingDays } from '@app/common';

/** Ofsted's post-inspection action plan: the final plan within 70 working days of publication. */
export const FINAL_PLAN_WORKING_DAYS = 70;
/** ...and, where there are areas for priority action, a draft plan for them within 20. */
export const DRAFT_PLAN_WORKING_DAYS = 20;

export interface PlanDeadlines {
  draftPlanDueOn: string | null;
  finalPlanDueOn: string | null;
}

/**
 * Which post-inspection plan deadlines a document sets. A full inspection (ILACS, SIF) always
 * needs a final plan; any letter or report with areas for priority action needs both. Other
 * documents (focused visits without priority actions, joint inspections, articles) set none.
 */
export function planDeadlines(
  kind: DocumentKind,
  priorities: readonly RecommendationPriority[],
  countedFrom: string,
): PlanDeadlines {
  const hasPriorityActions = priorities.includes('priority_action');
  const needsPlan = kind === 'full_inspection' || hasPriorityActions;
  return {
    draftPlanDueOn: hasPriorityActions
      ? addWorkingDays(countedFrom, DRAFT_PLAN_WORKING_DAYS)
      : null,
    finalPlanDueOn: needsPlan ? addWorkingDays(countedFrom, FINAL_PLAN_WORKING_DAYS) : null,
  };
}
