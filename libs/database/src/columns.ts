import { applyDecorators } from '@nestjs/common';
import {
  Column,
  type ColumnOptions,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Column decorators for the types our tables use, one line each: the column's SQL name is
 * given where it differs from the property's, and the schema itself lives in the migrations
 * (these only map it). Options are TypeORM's (nullable, default, array…).
 */
type Options = Omit<ColumnOptions, 'type' | 'name'>;

const typed =
  (type: ColumnOptions['type']) =>
  (name?: string, options: Options = {}): PropertyDecorator =>
    Column({ ...(name !== undefined && { name }), type, ...options });

/** A uuid primary key, made by Postgres. */
export const IdColumn = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');
export const UuidColumn = typed('uuid');
export const TextColumn = typed('text');
export const IntegerColumn = typed('integer');
export const DateColumn = typed('date');
export const TimestampColumn = typed('timestamptz');
export const JsonColumn = typed('jsonb');
/** numeric, read as a number: node-postgres gives strings, to keep precision we never need. */
export const NumericColumn = (name?: string, options: Options = {}): PropertyDecorator =>
  typed('numeric')(name, {
    transformer: {
      to: (value: number | null | undefined) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
    ...options,
  });
/** The council a row belongs to: every council-owned table has one, and every query filters on it. */
export const CouncilIdColumn = (): PropertyDecorator => UuidColumn('council_id');
export const CreatedAtColumn = (name = 'created_at'): PropertyDecorator =>
  CreateDateColumn({ name, type: 'timestamptz' });
export const UpdatedAtColumn = (name = 'updated_at'): PropertyDecorator =>
  UpdateDateColumn({ name, type: 'timestamptz' });

/**
 * The row another table's key `column` points at, for queries that load it; the foreign key
 * itself (ON DELETE RESTRICT unless the migration says otherwise) is the migration's.
 */
export const References = <T>(target: () => new () => T, column: string): PropertyDecorator =>
  applyDecorators(ManyToOne(target, { onDelete: 'RESTRICT' }), JoinColumn({ name: column }));
