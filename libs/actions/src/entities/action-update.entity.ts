import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Entity } from 'typeorm';
import { Action } from './action.entity';

/** A progress note on an action, with an optional link to evidence. Never edited. */
@Entity({ name: 'action_updates' })
export class ActionUpdate extends CouncilOwnedEntity {
  @UuidColumn('action_id') actionId!: string;
  @References(() => Action, 'action_id') action?: Action;
  @UuidColumn('author_id') authorId!: string;
  @References(() => User, 'author_id') author?: User;
  @TextColumn('note') note!: string;
  @TextColumn('evidence_url', { nullable: true }) evidenceUrl!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
