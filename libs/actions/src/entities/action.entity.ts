import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  DateColumn,
  IntegerColumn,
  References,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Entity } from 'typeorm';

export const ACTION_STATUSES = [
  'draft',
  'open',
  'in_progress',
  'blocked',
  'completed',
  'verified',
  'cancelled',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses in which an action still has to be done, so it can be overdue. */
export const LIVE_STATUSES = [
  'draft',
  'open',
  'in_progress',
  'blocked',
] as const satisfies readonly ActionStatus[];

/** Live and out of draft: someone owns them to a deadline, so reminders are about these. */
export const COMMITTED_STATUSES = [
  'open',
  'in_progress',
  'blocked',
] as const satisfies readonly Exclude<(typeof LIVE_STATUSES)[number], 'draft'>[];

/** A piece of work that answers (part of) a recommendation. */
@Entity({ name: 'actions' })
export class Action extends CouncilOwnedEntity {
  @UuidColumn('inspection_id') inspectionId!: string;
  @UuidColumn('recommendation_id') recommendationId!: string;

  /** Human reference, unique in the council: `STK-2012-R5-1`. */
  @TextColumn('reference') reference!: string;

  /** 1, 2, ... within the recommendation (the last part of the reference). */
  @IntegerColumn('sequence') sequence!: number;
  @TextColumn('title') title!: string;
  @TextColumn('description', { nullable: true }) description!: string | null;

  /** What success looks like: how anyone will know the action worked. */
  @TextColumn('success_measure', { nullable: true }) successMeasure!: string | null;
  @UuidColumn('owner_id', { nullable: true }) ownerId!: string | null;
  @References(() => User, 'owner_id') owner?: User | null;
  /** The partner organisation responsible, whose people see and update the action. */
  @UuidColumn('organisation_id', { nullable: true }) organisationId!: string | null;
  @DateColumn('due_on', { nullable: true }) dueOn!: string | null;

  /** The deadline as committed when the action left draft; later revisions leave it alone. */
  @DateColumn('original_due_on', { nullable: true }) originalDueOn!: string | null;
  @TextColumn('status', { default: 'draft' }) status!: ActionStatus;

  /** Why the action is blocked or cancelled. */
  @TextColumn('status_reason', { nullable: true }) statusReason!: string | null;
  @TimestampColumn('completed_at', { nullable: true }) completedAt!: Date | null;
  @TimestampColumn('verified_at', { nullable: true }) verifiedAt!: Date | null;
  @UuidColumn('verified_by_id', { nullable: true }) verifiedById!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
