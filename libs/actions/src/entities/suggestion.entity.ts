import { User } from '@app/councils';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export const SUGGESTION_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A weakness stated in a report's prose, waiting for a manager to accept or dismiss it. */
@Entity({ name: 'suggestions' })
export class InspectionSuggestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  /** 1, 2, ... in document order (S1, S2 in references). */
  @Column({ type: 'integer' })
  position!: number;

  /** Quoted exactly as the report words it. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  section!: string | null;

  /** The phrase that marked it as a weakness ("not consistently"). */
  @Column({ type: 'text' })
  cue!: string;

  @Column({ type: 'real' })
  confidence!: number;

  @Column({ type: 'integer' })
  page!: number;

  @Column({ type: 'text', default: 'open' })
  status!: SuggestionStatus;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'dismiss_reason', type: 'text', nullable: true })
  dismissReason!: string | null;

  /** The recommendation it became, once accepted. */
  @Column({ name: 'recommendation_id', type: 'uuid', nullable: true })
  recommendationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
