import { Module } from '@nestjs/common';
import { cliEnvProvider } from './cli-env';
import { CliOutput } from './cli-output';
import { CouncilCreateCommand } from './council/council-create.command';
import { CouncilSsoCommand } from './council/council-sso.command';
import { ExtractCommand } from './extract/extract.command';
import { MigrationRevertCommand } from './migration/migration-revert.command';
import { MigrationRunCommand } from './migration/migration-run.command';
import { UserCreateCommand } from './user/user-create.command';

/**
 * The command-line tool. It imports no config, database or queue module, so it boots with an
 * empty environment; each command validates what it needs when it runs.
 */
@Module({
  providers: [
    cliEnvProvider,
    CliOutput,
    // Commands
    ExtractCommand,
    MigrationRunCommand,
    MigrationRevertCommand,
    CouncilCreateCommand,
    CouncilSsoCommand,
    UserCreateCommand,
  ],
})
export class CliModule {}
