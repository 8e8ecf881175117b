import type { Config } from 'jest';
import { moduleNameMapper, transform } from '../jest.config';

/**
 * Browser tests: the real app on a real port driven by headless Chromium through Playwright
 * (test/browser/support/browser.ts), checked with axe. Each file gets its own database, like the
 * e2e tests. One file at a time (npm run test:browser adds --runInBand): a browser and the app
 * already take both cores.
 */
const config: Config = {
  rootDir: '..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform,
  moduleNameMapper,
  testTimeout: 60_000,
  maxWorkers: 1,
  // Migrates a template database once per run; files clone it (test/support/database.ts).
  globalSetup: '<rootDir>/test/support/database.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

export default config;
