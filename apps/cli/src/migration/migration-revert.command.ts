import { Command } from 'nest-commander';
import { MigrationExecutor } from 'typeorm';
import { DatabaseCommand } from '../database-command';
import { withMigrationDataSource } from './open-data-source';

@Command({
  name: 'migration:revert',
  description: 'Undo the most recently applied migration on DATABASE_URL (runs its down)',
})
export class MigrationRevertCommand extends DatabaseCommand {
  async run(): Promise<void> {
    const reverted = await withMigrationDataSource(this.env, async (dataSource) => {
      // undoLastMigration() does not say what it undid, so look first (newest first).
      const [last] = await new MigrationExecutor(dataSource).getExecutedMigrations();
      if (!last) return undefined;
      await dataSource.undoLastMigration({ transaction: 'each' });
      return last.name;
    });
    this.output.line(
      reverted ? { event: 'migration_reverted', name: reverted } : { event: 'nothing_to_revert' },
    );
  }
}
