import { Council, User } from '@app/councils';
import type { DocumentKind, Judgement } from '@app/report-parser';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Where draft and plan deadlines are counted from, best first. */
export const DEADLINE_BASES = ['published', 'inspection_ended', 'imported'] as const;
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

/** An imported report or letter: its facts as extracted, and the file it came from. */
@Entity({ name: 'inspections' })
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @ManyToOne(() => Council, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: Council;

  /** Human reference, unique in the council: council code and year (`STK-2012`). */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  authority!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  inspectorates!: string[];

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'visit_started_on', type: 'date', nullable: true })
  visitStartedOn!: string | null;

  @Column({ name: 'visit_ended_on', type: 'date', nullable: true })
  visitEndedOn!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  judgements!: Judgement[];

  @Column({ type: 'text' })
  format!: 'pdf' | 'text';

  @Column({ type: 'integer' })
  pages!: number;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_media_type', type: 'text' })
  fileMediaType!: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize!: number;

  /** Hex SHA-256 of the file: the same file imported twice is the same inspection. */
  @Column({ name: 'file_sha256', type: 'text' })
  fileSha256!: string;

  @Column({ name: 'imported_by_id', type: 'uuid' })
  importedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'imported_by_id' })
  importedBy?: User;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;

  /** The date deadlines were counted from, and which date that was. */
  @Column({ name: 'deadlines_counted_from', type: 'date' })
  deadlinesCountedFrom!: string;

  @Column({ name: 'deadlines_basis', type: 'text' })
  deadlinesBasis!: DeadlineBasis;

  /** Post-inspection action plan: draft (priority actions, 20 working days). */
  @Column({ name: 'draft_plan_due_on', type: 'date', nullable: true })
  draftPlanDueOn!: string | null;

  /** Post-inspection action plan: final (70 working days). */
  @Column({ name: 'final_plan_due_on', type: 'date', nullable: true })
  finalPlanDueOn!: string | null;
}
