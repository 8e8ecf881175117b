import {
  CouncilOwnedEntity,
  DateColumn,
  IntegerColumn,
  JsonColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import type { RecommendationPriority } from '@app/report-parser';
import { Column, Entity } from 'typeorm';
import { Inspection } from './inspection.entity';

/** One item the report asks the council to act on, as extracted. Never edited after import. */
export const RECOMMENDATION_SOURCES = ['list', 'suggestion'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

@Entity({ name: 'recommendations' })
export class Recommendation extends CouncilOwnedEntity {
  @UuidColumn('inspection_id') inspectionId!: string;
  @References(() => Inspection, 'inspection_id') inspection?: Inspection;

  /** R1, R2, ... in document order. */
  @TextColumn('ref') ref!: string;

  /** Document order, from 1. */
  @IntegerColumn('position') position!: number;
  @TextColumn('label', { nullable: true }) label!: string | null;
  @TextColumn('text') text!: string;
  @JsonColumn('sub_items', { default: () => "'[]'" }) subItems!: string[];
  @TextColumn('section') section!: string;
  @TextColumn('theme', { nullable: true }) theme!: string | null;
  @TextColumn('priority') priority!: RecommendationPriority;
  @TextColumn('timescale', { nullable: true }) timescale!: string | null;
  @TextColumn('timescale_text', { nullable: true }) timescaleText!: string | null;

  /** The date the report itself sets, where it sets one. */
  @DateColumn('due_on', { nullable: true }) dueOn!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  responsible!: string[];

  @IntegerColumn('page') page!: number;

  /** `list`: from the report's list of recommendations; `suggestion`: a weakness in its prose
   * that a manager accepted. */
  @TextColumn('source', { default: 'list' }) source!: RecommendationSource;
}
