import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EmailPreference } from '../notification-settings';
import { Council } from './council.entity';

export const ROLES = ['staff', 'manager', 'admin'] as const;
/** Each role can do everything the roles before it can. */
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'council_id', type: 'uuid' })
  councilId!: string;

  @ManyToOne(() => Council, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: Council;

  /** Stored lower-case; unique across councils, since login asks only for the email. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', nullable: true })
  team!: string | null;

  @Column({ name: 'line_manager_id', type: 'uuid', nullable: true })
  lineManagerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'line_manager_id' })
  lineManager?: User | null;

  @Column({ name: 'email_preference', type: 'text', default: 'every' })
  emailPreference!: EmailPreference;

  /** argon2id, PHC string format (parameters travel with the hash). */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  /** Set when an admin disables the account; every session ends with it. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
