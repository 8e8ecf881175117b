import type { Action } from '../entities/action.entity';

/**
 * A recommendation's first action, as a draft: numbered 1, titled by the caller, unowned and
 * unmeasured, with the deadline its timescale gives as both its deadline and its original one.
 * The import and an accepted suggestion both start a recommendation's work this way.
 */
export function firstDraftAction(draft: {
  councilId: string;
  inspectionId: string;
  inspectionReference: string;
  recommendationId: string;
  recommendationRef: string;
  title: string;
  dueOn: string | null;
}): Partial<Action> {
  return {
    councilId: draft.councilId,
    inspectionId: draft.inspectionId,
    recommendationId: draft.recommendationId,
    reference: `${draft.inspectionReference}-${draft.recommendationRef}-1`,
    sequence: 1,
    title: draft.title,
    description: null,
    successMeasure: null,
    ownerId: null,
    dueOn: draft.dueOn,
    originalDueOn: draft.dueOn,
    status: 'draft',
    statusReason: null,
  };
}
