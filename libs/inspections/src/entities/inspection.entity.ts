import {
  CouncilOwnedEntity,
  DateColumn,
  IntegerColumn,
  JsonColumn,
  References,
  TextColumn,
  TimestampColumn,
  UuidColumn,
} from '@app/database';
import { Council, User } from '@app/people';
import type { DocumentKind, Judgement } from '@app/report-parser';
import { Column, Entity } from 'typeorm';

/** Where draft and plan deadlines are counted from, best first. */
export const DEADLINE_BASES = ['published', 'inspection_ended', 'imported'] as const;
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

/** An imported report or letter: its facts as extracted, and the file it came from. */
@Entity({ name: 'inspections' })
export class Inspection extends CouncilOwnedEntity {
  @References(() => Council, 'council_id') council?: Council;

  /** Human reference, unique in the council: council code and year (`STK-2012`). */
  @TextColumn('reference') reference!: string;
  @TextColumn('kind') kind!: DocumentKind;
  @TextColumn('title', { nullable: true }) title!: string | null;
  @TextColumn('authority', { nullable: true }) authority!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  inspectorates!: string[];

  @DateColumn('published_on', { nullable: true }) publishedOn!: string | null;
  @DateColumn('visit_started_on', { nullable: true }) visitStartedOn!: string | null;
  @DateColumn('visit_ended_on', { nullable: true }) visitEndedOn!: string | null;
  @JsonColumn('judgements', { default: () => "'[]'" }) judgements!: Judgement[];
  @TextColumn('format') format!: 'pdf' | 'text';
  @IntegerColumn('pages') pages!: number;
  @TextColumn('file_name') fileName!: string;
  @TextColumn('file_media_type') fileMediaType!: string;
  @IntegerColumn('file_size') fileSize!: number;

  /** Hex SHA-256 of the file: the same file imported twice is the same inspection. */
  @TextColumn('file_sha256') fileSha256!: string;
  @UuidColumn('imported_by_id') importedById!: string;
  @References(() => User, 'imported_by_id') importedBy?: User;
  @TimestampColumn('imported_at', { default: () => 'now()' }) importedAt!: Date;

  /** The date deadlines were counted from, and which date that was. */
  @DateColumn('deadlines_counted_from') deadlinesCountedFrom!: string;
  @TextColumn('deadlines_basis') deadlinesBasis!: DeadlineBasis;

  /** Post-inspection action plan: draft (priority actions, 20 working days). */
  @DateColumn('draft_plan_due_on', { nullable: true }) draftPlanDueOn!: string | null;

  /** Post-inspection action plan: final (70 working days). */
  @DateColumn('final_plan_due_on', { nullable: true }) finalPlanDueOn!: string | null;
}
