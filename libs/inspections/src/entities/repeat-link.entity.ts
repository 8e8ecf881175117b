import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  References,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Column, Entity } from 'typeorm';
import { Recommendation } from './recommendation.entity';

export const REPEAT_LINK_STATES = ['proposed', 'confirmed', 'rejected'] as const;
export type RepeatLinkState = (typeof REPEAT_LINK_STATES)[number];

/** A recommendation that likely repeats an earlier one of the same council, and the decision. */
@Entity({ name: 'repeat_links' })
export class RepeatLink extends CouncilOwnedEntity {
  /** The newer recommendation. */
  @UuidColumn('recommendation_id') recommendationId!: string;
  @References(() => Recommendation, 'recommendation_id') recommendation?: Recommendation;

  /** The earlier recommendation it repeats. */
  @UuidColumn('earlier_recommendation_id') earlierRecommendationId!: string;
  @References(() => Recommendation, 'earlier_recommendation_id') earlier?: Recommendation;

  /** The matcher's score, 0 to 1. */
  @Column({ type: 'real' }) score!: number;

  /** Salient words both share, most telling first. */
  @Column({ name: 'shared_words', type: 'text', array: true, default: () => "'{}'" })
  sharedWords!: string[];

  @TextColumn('state', { default: 'proposed' }) state!: RepeatLinkState;
  @UuidColumn('decided_by_id', { nullable: true }) decidedById!: string | null;
  @References(() => User, 'decided_by_id') decidedBy?: User | null;
  @TimestampColumn('decided_at', { nullable: true }) decidedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
}
