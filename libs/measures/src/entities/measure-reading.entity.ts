import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  DateColumn,
  NumericColumn,
  References,
  TextColumn,
  UuidColumn,
} from '@app/database';
import { User } from '@app/people';
import { Entity } from 'typeorm';

/** A measure's value on a date, as someone entered it. Never edited: a correction is a new one. */
@Entity({ name: 'measure_readings' })
export class MeasureReading extends CouncilOwnedEntity {
  @UuidColumn('measure_id') measureId!: string;
  @NumericColumn('value') value!: number;
  /** The date the value describes (the end of the month reported, say), not when it was typed. */
  @DateColumn('observed_on') observedOn!: string;
  @TextColumn('note', { nullable: true }) note!: string | null;
  /** Where the number came from: a report, a system, an audit. */
  @TextColumn('source', { nullable: true }) source!: string | null;
  @UuidColumn('entered_by_id') enteredById!: string;
  @References(() => User, 'entered_by_id') enteredBy?: User;
  @CreatedAtColumn() createdAt!: Date;
}
