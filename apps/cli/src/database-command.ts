import type { RawEnv } from '@app/config';
import { Inject } from '@nestjs/common';
import { CommandRunner } from 'nest-commander';
import { CLI_ENV } from './cli-env';
import { CliOutput } from './cli-output';

/**
 * A command on DATABASE_URL: it gets the raw environment (and validates only what it uses) and
 * prints JSON lines through CliOutput. Subclasses add no constructor; Nest injects these.
 */
export abstract class DatabaseCommand extends CommandRunner {
  constructor(
    @Inject(CLI_ENV) protected readonly env: RawEnv,
    protected readonly output: CliOutput,
  ) {
    super();
  }
}
