import { User } from '@app/councils';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Action } from './action.entity';

/** A committed deadline moved: from, to, why and by whom. Slippage is the sum of these. */
@Entity({ name: 'deadline_revisions' })
export class DeadlineRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => Action, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'action_id' })
  action?: Action;

  @Column({ name: 'from_due_on', type: 'date' })
  fromDueOn!: string;

  @Column({ name: 'to_due_on', type: 'date' })
  toDueOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'revised_by_id', type: 'uuid' })
  revisedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revised_by_id' })
  revisedBy?: User;

  @CreateDateColumn({ name: 'revised_at', type: 'timestamptz' })
  revisedAt!: Date;
}
