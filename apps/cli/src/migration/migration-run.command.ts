import { Command } from 'nest-commander';
import { DatabaseCommand } from '../database-command';
import { withMigrationDataSource } from './open-data-source';

@Command({
  name: 'migration:run',
  description: 'Apply every pending migration to DATABASE_URL, one transaction each',
})
export class MigrationRunCommand extends DatabaseCommand {
  async run(): Promise<void> {
    const applied = await withMigrationDataSource(this.env, (dataSource) =>
      dataSource.runMigrations({ transaction: 'each' }),
    );
    for (const migration of applied) {
      this.output.line({ event: 'migration_applied', name: migration.name });
    }
    this.output.line({ event: 'migrations_done', applied: applied.length });
  }
}
