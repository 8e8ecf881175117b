import type { Config } from 'jest';
import { moduleNameMapper, transform } from '../jest.config';

/** The public inspection corpus in ../shared/corpus, checked against its expected extractions. */
const config: Config = {
  rootDir: '..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/test/corpus/**/*.corpus-spec.ts'],
  transform,
  moduleNameMapper,
  testTimeout: 60_000,
};

export default config;
