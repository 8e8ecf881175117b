import type { Config } from 'jest';
import { moduleNameMapper, transform } from '../jest.config';

/** End-to-end tests: real Postgres, real Redis, real HTTP. Each file gets its own database. */
const config: Config = {
  rootDir: '..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  transform,
  moduleNameMapper,
  testTimeout: 30_000,
  // Migrates a template database once per run; files clone it (test/support/database.ts).
  globalSetup: '<rootDir>/test/support/database.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

export default config;
