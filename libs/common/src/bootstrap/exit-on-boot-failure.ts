import { EnvValidationError } from '@app/config';

/**
 * For `bootstrap().catch(exitOnBootFailure)` in each main.ts. A bad environment is the common
 * case and gets one plain line; anything else keeps its stack, since it is a bug or an outage.
 */
export function exitOnBootFailure(error: unknown): never {
  const text =
    error instanceof EnvValidationError
      ? error.message
      : `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${text}\n`);
  // exit() rather than exitCode: a half-built app may hold sockets or retry timers open.
  process.exit(1);
}
