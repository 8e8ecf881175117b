import type { Rag } from '@app/actions';
import {
  CouncilIdColumn,
  CreatedAtColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Entity, PrimaryColumn } from 'typeorm';

/** A manager's RAG for an action in place of the computed one, and why. Removed when cleared. */
@Entity({ name: 'rag_overrides' })
export class RagOverride {
  @PrimaryColumn({ name: 'action_id', type: 'uuid' }) actionId!: string;
  @CouncilIdColumn() councilId!: string;
  @TextColumn('rag') rag!: Rag;
  @TextColumn('reason') reason!: string;
  @UuidColumn('set_by_id') setById!: string;
  @References(() => User, 'set_by_id') setBy?: User;
  @CreatedAtColumn('set_at') setAt!: Date;
}
