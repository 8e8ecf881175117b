import type { Config } from 'jest';

/** Path aliases shared by every jest project (mirrors tsconfig.json "paths"). */
export const moduleNameMapper: Config['moduleNameMapper'] = {
  '^@app/config(|/.*)$': '<rootDir>/config$1',
  '^@app/(actions|auth|committee-reports|common|database|inspections|mail|measures|people|queue|reminders|repeat-findings|report-parser)(|/.*)$':
    '<rootDir>/libs/$1/src$2',
};

export const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

/** Unit tests: `*.spec.ts` beside the code and the fixture suite; no I/O beyond reading fixtures. */
const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{apps,libs,config}/**/*.spec.ts', '<rootDir>/test/fixtures/**/*.spec.ts'],
  transform,
  moduleNameMapper,
};

export default config;
