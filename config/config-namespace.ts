import { registerAs } from '@nestjs/config';
import { readEnvironment } from './read-environment';
import type { EnvDto, EnvKey } from './env.dto';
import { type RawEnv, validateEnvKeys } from './validate-env';

/**
 * One config namespace: the variables it needs, how they read, a loader that validates only
 * those (for code that runs without Nest: the CLI, the TypeORM CLI) and the namespace Nest
 * injects (`@Inject(config.KEY)`).
 */
export function configNamespace<K extends EnvKey, T extends Record<string, unknown>>(
  name: string,
  keys: readonly K[],
  read: (env: Pick<EnvDto, K>) => T,
) {
  const load = (raw: RawEnv = readEnvironment()): T => read(validateEnvKeys(raw, keys));
  return { load, config: registerAs(name, () => load()) };
}
