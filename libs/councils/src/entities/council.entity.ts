import type { NotificationSettings } from '../notification-settings';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A local authority: the boundary of every piece of data in followthrough. */
@Entity({ name: 'councils' })
export class Council {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Starts every human reference (`STK-2012-R5-1`): 2-8 capital letters. */
  @Column({ type: 'text' })
  code!: string;

  /** Days given to an item the report says to address "immediately". */
  @Column({ name: 'immediate_window_days', type: 'integer', default: 14 })
  immediateWindowDays!: number;

  /** Months given to an item the report sets no timescale for. */
  @Column({ name: 'default_window_months', type: 'integer', default: 6 })
  defaultWindowMonths!: number;

  /** Overrides of the deployment's reminder defaults; `{}` follows them all. */
  @Column({ name: 'notification_settings', type: 'jsonb', default: () => "'{}'::jsonb" })
  notificationSettings!: NotificationSettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
