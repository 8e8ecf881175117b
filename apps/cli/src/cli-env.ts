import { readEnvironment, type RawEnv } from '@app/config';

/**
 * The raw environment, injected so tests can hand commands an env object. Nothing validates it
 * at boot: each command validates only what it uses (`extract` needs nothing at all).
 */
export const CLI_ENV = Symbol('CLI_ENV');

export const cliEnvProvider = { provide: CLI_ENV, useFactory: (): RawEnv => readEnvironment() };
