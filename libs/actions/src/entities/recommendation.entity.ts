import type { RecommendationPriority } from '@app/report-parser';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Inspection } from './inspection.entity';

/** One item the report asks the council to act on, as extracted. Never edited after import. */
export const RECOMMENDATION_SOURCES = ['list', 'suggestion'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

@Entity({ name: 'recommendations' })
export class Recommendation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection;

  /** R1, R2, ... in document order. */
  @Column({ type: 'text' })
  ref!: string;

  /** Document order, from 1. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'sub_items', type: 'jsonb', default: () => "'[]'" })
  subItems!: string[];

  @Column({ type: 'text' })
  section!: string;

  @Column({ type: 'text', nullable: true })
  theme!: string | null;

  @Column({ type: 'text' })
  priority!: RecommendationPriority;

  @Column({ type: 'text', nullable: true })
  timescale!: string | null;

  @Column({ name: 'timescale_text', type: 'text', nullable: true })
  timescaleText!: string | null;

  /** The date the report itself sets, where it sets one. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  responsible!: string[];

  @Column({ type: 'integer' })
  page!: number;

  /** `list`: from the report's list of recommendations; `suggestion`: a weakness in its prose
   * that a manager accepted. */
  @Column({ type: 'text', default: 'list' })
  source!: RecommendationSource;
}
