import {
  CreatedAtColumn,
  IdColumn,
  IntegerColumn,
  TextColumn,
  UpdatedAtColumn,
} from '@app/database';
import type { NotificationSettings } from '../notification-settings';
import { Column, Entity } from 'typeorm';

/** A local authority: the boundary of every piece of data in followthrough. */
@Entity({ name: 'councils' })
export class Council {
  @IdColumn() id!: string;
  @TextColumn('name') name!: string;

  /** Starts every human reference (`STK-2012-R5-1`): 2-8 capital letters. */
  @TextColumn('code') code!: string;

  /** Days given to an item the report says to address "immediately". */
  @IntegerColumn('immediate_window_days', { default: 14 }) immediateWindowDays!: number;

  /** Months given to an item the report sets no timescale for. */
  @IntegerColumn('default_window_months', { default: 6 }) defaultWindowMonths!: number;

  /**
   * How far behind the line to its target a measure may fall and still be amber rather than red,
   * as a percentage of the whole distance from its start to its target.
   */
  @IntegerColumn('measure_tolerance_percent', { default: 10 }) measureTolerancePercent!: number;

  /** Overrides of the deployment's reminder defaults; `{}` follows them all. */
  @Column({ name: 'notification_settings', type: 'jsonb', default: () => "'{}'::jsonb" })
  notificationSettings!: NotificationSettings;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
