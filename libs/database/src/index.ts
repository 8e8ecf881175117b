export { DatabaseModule } from './database.module';
export {
  createDataSource,
  databaseOptions,
  ENTITIES_GLOB,
  MIGRATIONS_GLOB,
} from './database.options';
export { SqlRunner } from './sql-runner';
export { statementName } from './statement-name';
