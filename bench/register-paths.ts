/**
 * Resolves the `@app/*` imports of the compiled libraries at run time. tsc keeps them as
 * written; dist/bench mirrors the repository, so tsconfig.json's own `paths` apply with
 * dist/bench as the base. Import this first in every bench entry point.
 */
import { resolve } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

// Compiled to dist/bench/bench/: the repository root is three levels up, dist/bench one.
const config = loadConfig(resolve(__dirname, '../../..'));
if (config.resultType === 'failed') throw new Error(`tsconfig-paths: ${config.message}`);
register({ baseUrl: resolve(__dirname, '..'), paths: config.paths });
