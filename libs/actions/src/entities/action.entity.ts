import { User } from '@app/councils';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Inspection } from './inspection.entity';
import { Recommendation } from './recommendation.entity';

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

/** A piece of work that answers (part of) a recommendation. */
@Entity({ name: 'actions' })
export class Action {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection;

  @Column({ name: 'recommendation_id', type: 'uuid' })
  recommendationId!: string;

  @ManyToOne(() => Recommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: Recommendation;

  /** Human reference, unique in the council: `STK-2012-R5-1`. */
  @Column({ type: 'text' })
  reference!: string;

  /** 1, 2, ... within the recommendation (the last part of the reference). */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** What success looks like: how anyone will know the action worked. */
  @Column({ name: 'success_measure', type: 'text', nullable: true })
  successMeasure!: string | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** The deadline as committed when the action left draft; later revisions leave it alone. */
  @Column({ name: 'original_due_on', type: 'date', nullable: true })
  originalDueOn!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: ActionStatus;

  /** Why the action is blocked or cancelled. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
