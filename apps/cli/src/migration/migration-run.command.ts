import type { RawEnv } from '@app/config';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { CLI_ENV } from '../cli-env';
import { CliOutput } from '../cli-output';
import { withMigrationDataSource } from './open-data-source';

@Command({
  name: 'migration:run',
  description: 'Apply every pending migration to DATABASE_URL, one transaction each',
})
export class MigrationRunCommand extends CommandRunner {
  constructor(
    @Inject(CLI_ENV) private readonly env: RawEnv,
    private readonly output: CliOutput,
  ) {
    super();
  }

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
