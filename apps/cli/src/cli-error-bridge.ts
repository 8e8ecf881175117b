import { Injectable, Module } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';
import { CliModule } from './cli.module';

/** Hands main.ts the root commander instance, which nest-commander has no public getter for. */
@Injectable()
export class CliErrorBridge {
  constructor(@InjectCommander() readonly commander: unknown) {}
}

/**
 * What main.ts runs: CliModule plus the bridge. The bridge needs nest-commander's runner
 * module, so it stays out of CliModule, which tests build on its own.
 */
@Module({ imports: [CliModule], providers: [CliErrorBridge] })
export class CliMainModule {}
