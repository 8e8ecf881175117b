import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  DateColumn,
  NumericColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '@app/database';
import { Entity } from 'typeorm';
import type { MeasureDirection, MeasureUnit } from '../measure-rules';

/** A number an action is judged by: where it started, where it should get to, and by when. */
@Entity({ name: 'measures' })
export class Measure extends CouncilOwnedEntity {
  @UuidColumn('action_id') actionId!: string;
  @TextColumn('name') name!: string;
  /** Percentage, days, count, or a milestone (0 until met, then 1). */
  @TextColumn('unit') unit!: MeasureUnit;
  /** Whether a higher or a lower value is better: the trajectory is judged that way round. */
  @TextColumn('direction') direction!: MeasureDirection;

  /** Where it stood, and when: the start of the line to the target. None if not known. */
  @NumericColumn('baseline_value', { nullable: true }) baselineValue!: number | null;
  @DateColumn('baseline_on', { nullable: true }) baselineOn!: string | null;

  /** Where it should get to, and by when. */
  @NumericColumn('target_value') targetValue!: number;
  @DateColumn('target_on') targetOn!: string;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
