import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENV_EXPECTATIONS, ENV_KEYS, EnvDto, type EnvKey } from './env.dto';

/** The environment as the process (or a test) supplies it: names to raw strings. */
export type RawEnv = Readonly<Record<string, string | undefined>>;

/** A validated environment: every variable typed, defaults applied. */
export type Env = Readonly<EnvDto>;

/** Thrown when variables are missing or malformed; the message names every one of them. */
export class EnvValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvValidationError';
  }
}

/**
 * Validates only `keys`, so a tool that needs just DATABASE_URL does not fail on a missing
 * REDIS_URL. Returns the typed values (defaults applied) or throws one EnvValidationError.
 */
export function validateEnvKeys<K extends EnvKey>(
  raw: RawEnv,
  keys: readonly K[],
): Readonly<Pick<EnvDto, K>> {
  // Only our own variables are copied (not PATH and friends), and an empty value counts as
  // unset: `DATABASE_URL=` in a shell or .env file means "not configured", not "".
  const plain: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const value = raw[key]?.trim();
    if (value) plain[key] = value;
  }
  const env = plainToInstance(EnvDto, plain, { exposeDefaultValues: true });
  const wanted = new Set<EnvKey>(keys);
  const failed = new Set(
    validateSync(env, { forbidUnknownValues: true })
      .map((error) => error.property as EnvKey)
      .filter((key) => wanted.has(key)),
  );
  const problems = ENV_KEYS.filter((key) => failed.has(key)).map((key) =>
    plain[key] === undefined
      ? `${key} is required (${ENV_EXPECTATIONS[key]})`
      : // The value itself is left out: it may hold a password.
        `${key} must be ${ENV_EXPECTATIONS[key]}`,
  );
  if (wanted.has('APP_URL') && !failed.has('APP_URL')) {
    const problem = productionAppUrlProblem(env);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new EnvValidationError(problems);
  return env;
}

/**
 * Production serves sign-in and session cookies at APP_URL, and every email links there: over
 * plain http both travel in clear. A proxy that terminates TLS is no reason for http here, as
 * APP_URL is the address people use, not the one the proxy calls.
 */
function productionAppUrlProblem(env: EnvDto): string | null {
  if (env.NODE_ENV !== 'production' || !env.APP_URL.startsWith('http:')) return null;
  // Only a real `true`: an unparsed value must not switch the check off.
  if (env.ALLOW_HTTP_APP_URL === true) return null;
  return (
    'APP_URL must be an https:// address when NODE_ENV=production (people sign in there and ' +
    'emails link there). Behind a proxy that terminates TLS, give the https:// address people ' +
    'open. To run on plain http anyway (a trial on localhost), set ALLOW_HTTP_APP_URL=true'
  );
}

/** Validates every variable the apps use. */
export function validateEnv(raw: RawEnv): Env {
  return validateEnvKeys(raw, ENV_KEYS);
}
