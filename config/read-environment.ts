import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { RawEnv } from './validate-env';

/**
 * The process environment over an optional `.env` file in the working directory. Real variables
 * win, so a deploy never gets overridden by a stray file. This is the only place that reads
 * `process.env`; everything else receives a RawEnv.
 */
export function readEnvironment(envFile = resolve(process.cwd(), '.env')): RawEnv {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}
