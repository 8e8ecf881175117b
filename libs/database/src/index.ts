export {
  CouncilIdColumn,
  CreatedAtColumn,
  DateColumn,
  IdColumn,
  IntegerColumn,
  JsonColumn,
  NumericColumn,
  References,
  TextColumn,
  TimestampColumn,
  UpdatedAtColumn,
  UuidColumn,
} from './columns';
export { CouncilOwnedEntity } from './council-owned';
export { DatabaseModule } from './database.module';
export {
  createDataSource,
  databaseOptions,
  ENTITIES_GLOB,
  MIGRATIONS_GLOB,
} from './database.options';
export { rowsById, type ReadById } from './rows-by-id';
export { SqlRunner } from './sql-runner';
export { statementName } from './statement-name';
