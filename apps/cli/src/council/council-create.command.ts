import { COUNCIL_CODE_PATTERN, type Council, CouncilsService, councilView } from '@app/people';
import { Command, Option } from 'nest-commander';
import { DatabaseCommand } from '../database-command';
import { withCliDatabase } from './cli-database';
import { InvalidOptionValue, nonBlank } from './cli-options';

interface CouncilCreateOptions {
  name: string;
  code?: string;
}

/** What the command prints: the council as the API shows it, plus when it was created. */
export function councilJson(council: Council): Record<string, unknown> {
  return { ...councilView(council), createdAt: council.createdAt.toISOString() };
}

@Command({
  name: 'council:create',
  description: 'Create a council on DATABASE_URL and print it as JSON',
})
export class CouncilCreateCommand extends DatabaseCommand {
  async run(_args: string[], options: CouncilCreateOptions): Promise<void> {
    const council = await withCliDatabase(this.env, (app) =>
      app.get(CouncilsService).create({ name: options.name, code: options.code }),
    );
    this.output.line(councilJson(council));
  }

  @Option({
    flags: '--name <name>',
    description: 'Full name, e.g. "Stockport Metropolitan Borough Council" (unique)',
    required: true,
  })
  parseName(value: string): string {
    return nonBlank(value, 'The name');
  }

  @Option({
    flags: '--code <code>',
    description: '2-8 capital letters starting every reference (default: made from the name)',
  })
  parseCode(value: string): string {
    if (!COUNCIL_CODE_PATTERN.test(value)) {
      throw new InvalidOptionValue('The code must be 2-8 capital letters (A-Z).');
    }
    return value;
  }
}
