import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  DateColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Entity } from 'typeorm';
import { Action } from './action.entity';

/** A committed deadline moved: from, to, why and by whom. Slippage is the sum of these. */
@Entity({ name: 'deadline_revisions' })
export class DeadlineRevision extends CouncilOwnedEntity {
  @UuidColumn('action_id') actionId!: string;
  @References(() => Action, 'action_id') action?: Action;
  @DateColumn('from_due_on') fromDueOn!: string;
  @DateColumn('to_due_on') toDueOn!: string;
  @TextColumn('reason') reason!: string;
  @UuidColumn('revised_by_id') revisedById!: string;
  @References(() => User, 'revised_by_id') revisedBy?: User;
  @CreatedAtColumn('revised_at') revisedAt!: Date;
}
