import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  IntegerColumn,
  References,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Column, Entity } from 'typeorm';

export const SUGGESTION_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A weakness stated in a report's prose, waiting for a manager to accept or dismiss it. */
@Entity({ name: 'suggestions' })
export class InspectionSuggestion extends CouncilOwnedEntity {
  @UuidColumn('inspection_id') inspectionId!: string;

  /** 1, 2, ... in document order (S1, S2 in references). */
  @IntegerColumn('position') position!: number;

  /** Quoted exactly as the report words it. */
  @TextColumn('text') text!: string;
  @TextColumn('section', { nullable: true }) section!: string | null;

  /** The phrase that marked it as a weakness ("not consistently"). */
  @TextColumn('cue') cue!: string;

  @Column({ type: 'real' })
  confidence!: number;

  @IntegerColumn('page') page!: number;
  @TextColumn('status', { default: 'open' }) status!: SuggestionStatus;
  @UuidColumn('decided_by_id', { nullable: true }) decidedById!: string | null;
  @References(() => User, 'decided_by_id') decidedBy?: User | null;
  @TimestampColumn('decided_at', { nullable: true }) decidedAt!: Date | null;
  @TextColumn('dismiss_reason', { nullable: true }) dismissReason!: string | null;

  /** The recommendation it became, once accepted. */
  @UuidColumn('recommendation_id', { nullable: true }) recommendationId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
