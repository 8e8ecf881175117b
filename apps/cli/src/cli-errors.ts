import { EnvValidationError } from '@app/config';

/** Exit statuses, so scripts can tell "you called it wrong" from "it failed". */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What commander passes to exitOverride (its CommanderError), without importing commander. */
export interface CommanderExit {
  code: string;
  exitCode: number;
  message: string;
}

/** The parts of a commander Command we touch. */
export interface CommanderNode {
  readonly commands: readonly CommanderNode[];
  name(name: string): unknown;
  exitOverride(handler: (error: CommanderExit) => never): unknown;
  configureOutput(config: { outputError: (text: string) => void }): unknown;
}

const OK_EXITS = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Sets commander's error handling on every command: nest-commander applies `errorHandler` to
 * the root only, so a bad option on a subcommand would otherwise exit with commander's own 1.
 */
export function applyUsageErrorHandling(
  root: CommanderNode,
  exit: (code: number) => never,
  writeErr: (text: string) => void,
): void {
  const onExit = (error: CommanderExit): never => {
    if (OK_EXITS.has(error.code)) return exit(0);
    // `commander.help` with a non-zero code is help shown because no command was given: it has
    // already been printed to stderr.
    if (error.code !== 'commander.help') writeErr(`${oneLine(error.message)} (see --help)`);
    return exit(EXIT_USAGE);
  };
  const visit = (command: CommanderNode): void => {
    command.exitOverride(onExit);
    // Commander would print the message itself too; onExit prints it once, in one line.
    command.configureOutput({ outputError: () => undefined });
    command.commands.forEach(visit);
  };
  visit(root);
}

/** The one line printed when a command fails at run time. */
export function describeCommandFailure(error: unknown): string {
  if (error instanceof EnvValidationError) return error.message;
  return `error: ${oneLine(error instanceof Error ? error.message : String(error))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
