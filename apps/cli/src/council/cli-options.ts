import { EXIT_USAGE } from '../cli-errors';

/**
 * Thrown from an option parser. Commander recognises the code and reports "option '--x <x>'
 * argument 'y' is invalid. <message>" as a usage error, which main.ts turns into exit 2.
 */
export class InvalidOptionValue extends Error {
  readonly code = 'commander.invalidArgument';
  readonly exitCode = EXIT_USAGE;
}

/** The trimmed value, or a usage error when nothing is left. */
export function nonBlank(value: string, what: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new InvalidOptionValue(`${what} must not be blank.`);
  if (trimmed.length > maxLength) {
    throw new InvalidOptionValue(`${what} must be at most ${maxLength} characters.`);
  }
  return trimmed;
}

/**
 * A usage problem found once the command runs (not while parsing options): one line on stderr
 * and exit status 2, like commander's own.
 */
export function failUsage(message: string): void {
  process.stderr.write(`error: ${message} (see --help)\n`);
  process.exitCode = EXIT_USAGE;
}
