import { daysBetween } from '@app/common';
import type { ActionStatus } from '../entities/action.entity';
import { daysLeft, isOverdue } from '../overdue';
import type { ActionRow } from './action-list.query';
import { type SmartGap, smartGaps } from './action-rules';

export interface PersonView {
  id: string;
  name: string;
  email: string;
}

/** An action as the API shows it (ActionDto): facts plus what is derived from "today". */
export interface ActionView {
  id: string;
  reference: string;
  title: string;
  description: string | null;
  recommendation: {
    id: string;
    ref: string;
    label: string | null;
    text: string;
    section: string;
    theme: string | null;
    priority: string;
    timescaleText: string | null;
  };
  inspection: { id: string; reference: string; title: string | null };
  responsible: string[];
  /** The partner organisation responsible for the action, when it is not the council alone. */
  organisation: { id: string; name: string } | null;
  owner: PersonView | null;
  dueOn: string | null;
  originalDueOn: string | null;
  slippageDays: number;
  status: ActionStatus;
  statusReason: string | null;
  overdue: boolean;
  daysLeft: number | null;
  successMeasure: string | null;
  smartGaps: SmartGap[];
  completedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionUpdateView {
  id: string;
  note: string;
  evidenceUrl: string | null;
  author: PersonView;
  createdAt: Date;
}

export interface DeadlineRevisionView {
  fromDueOn: string;
  toDueOn: string;
  reason: string;
  revisedBy: PersonView;
  revisedAt: Date;
}

/** GET /actions/:id: the action with its progress notes and deadline revisions, oldest first. */
export interface ActionDetailView extends ActionView {
  updates: ActionUpdateView[];
  deadlineRevisions: DeadlineRevisionView[];
}

/** Days the deadline has moved since it was committed (later is positive). */
export function slippageDays(dueOn: string | null, originalDueOn: string | null): number {
  if (dueOn === null || originalDueOn === null) return 0;
  return daysBetween(originalDueOn, dueOn);
}

export function toActionView(row: ActionRow, today: string): ActionView {
  const dueOn = row.due_on;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    recommendation: {
      id: row.recommendation_id,
      ref: row.recommendation_ref,
      label: row.recommendation_label,
      text: row.recommendation_text,
      section: row.recommendation_section,
      theme: row.recommendation_theme,
      priority: row.recommendation_priority,
      timescaleText: row.recommendation_timescale_text,
    },
    inspection: {
      id: row.inspection_id,
      reference: row.inspection_reference,
      title: row.inspection_title,
    },
    responsible: row.recommendation_responsible,
    organisation:
      row.organisation_id === null
        ? null
        : { id: row.organisation_id, name: row.organisation_name ?? '' },
    owner:
      row.owner_id === null
        ? null
        : { id: row.owner_id, name: row.owner_name ?? '', email: row.owner_email ?? '' },
    dueOn,
    originalDueOn: row.original_due_on,
    slippageDays: slippageDays(dueOn, row.original_due_on),
    status: row.status,
    statusReason: row.status_reason,
    overdue: isOverdue({ status: row.status, dueOn }, today),
    daysLeft: daysLeft(dueOn, today),
    successMeasure: row.success_measure,
    smartGaps: smartGaps({
      ownerId: row.owner_id,
      dueOn,
      successMeasure: row.success_measure,
    }),
    completedAt: row.completed_at,
    verifiedAt: row.verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
