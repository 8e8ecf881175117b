import { Test } from '@nestjs/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfigModule } from './app-config.module';
import { appConfig, loadAppConfig, type AppConfig } from './app.config';
import { databaseConfig, loadDatabaseConfig, type DatabaseConfig } from './database.config';
import { loadMailConfig } from './mail.config';
import { loadExtractConfig } from './extract.config';
import { readEnvironment } from './read-environment';
import { loadRedisConfig, redisConfig, type RedisConfig } from './redis.config';
import { EnvValidationError } from './validate-env';

const env = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/followthrough',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PORT: '4000',
  CORS_ORIGINS: 'https://a.example.org',
  QUEUE_PREFIX: 'ft_unit',
  JWT_SECRET: 'a-test-secret-of-at-least-32-characters',
  SMTP_URL: 'smtp://mail.internal:587',
};

describe('standalone loaders', () => {
  it('loadDatabaseConfig needs DATABASE_URL only', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: env.DATABASE_URL })).toEqual({
      url: env.DATABASE_URL,
    });
  });

  it('loadDatabaseConfig fails with a one-line message when DATABASE_URL is missing', () => {
    expect(() => loadDatabaseConfig({ REDIS_URL: env.REDIS_URL })).toThrow(
      'Invalid environment: DATABASE_URL is required (a postgres:// URL)',
    );
  });

  it('loadRedisConfig needs REDIS_URL only and defaults the prefix', () => {
    expect(loadRedisConfig({ REDIS_URL: env.REDIS_URL })).toEqual({
      url: env.REDIS_URL,
      queuePrefix: '{followthrough}',
    });
  });

  it('loadExtractConfig needs nothing and defaults every limit', () => {
    expect(loadExtractConfig({})).toEqual({
      maxPages: 500,
      maxChars: 2_000_000,
      timeoutMs: 20_000,
      threads: 2,
      memoryMb: 256,
      queuePerCouncil: 5,
    });
    expect(() => loadExtractConfig({ EXTRACT_THREADS: '0' })).toThrow(
      'Invalid environment: EXTRACT_THREADS must be an integer 1-32 (report parser threads per API process)',
    );
  });

  it('loadRedisConfig makes the prefix a Redis Cluster hash tag', () => {
    const prefixOf = (QUEUE_PREFIX: string) =>
      loadRedisConfig({ REDIS_URL: env.REDIS_URL, QUEUE_PREFIX }).queuePrefix;
    expect(prefixOf('ft_staging-1')).toBe('{ft_staging-1}');
    expect(prefixOf('{ft_staging-1}')).toBe('{ft_staging-1}');
    for (const bad of ['{ft', 'ft}', '{}', '{{ft}}', 'a{ft}', '{ft}:x', 'ft:test']) {
      expect(() => prefixOf(bad)).toThrow(
        'Invalid environment: QUEUE_PREFIX must be 1-64 letters, digits, "-" or "_", optionally in braces: {followthrough}',
      );
    }
  });

  it('loadAppConfig needs nothing and reports a bad PORT', () => {
    expect(loadAppConfig({})).toEqual({
      nodeEnv: 'development',
      port: 3000,
      logLevel: 'info',
      corsOrigins: [],
      trustProxyHops: 0,
      queueBoard: { password: null, writable: false },
      secureCookies: false,
    });
    expect(() => loadAppConfig({ PORT: '70000' })).toThrow(EnvValidationError);
  });
});

describe('cookies and the development mail sink', () => {
  it('marks cookies Secure in production, even on http, and wherever APP_URL is https', () => {
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ NODE_ENV: 'production', APP_URL: 'https://actions.example.gov.uk' }, true],
      [
        { NODE_ENV: 'production', APP_URL: 'http://localhost:3000', ALLOW_HTTP_APP_URL: 'true' },
        true,
      ],
      [{ NODE_ENV: 'development', APP_URL: 'https://actions.example.gov.uk' }, true],
      [{ NODE_ENV: 'development', APP_URL: 'http://localhost:3000' }, false],
      [{}, false],
    ];
    for (const [raw, secure] of cases) {
      expect(loadAppConfig(raw).secureCookies).toBe(secure);
    }
  });

  it('runs the mail sink only when NODE_ENV=development is said, not when NODE_ENV is unset', () => {
    const mail = { SMTP_URL: env.SMTP_URL, DEV_MAIL_SINK_PORT: '1025' };
    expect(loadMailConfig({ ...mail, NODE_ENV: 'development' }).devSinkPort).toBe(1025);
    expect(loadMailConfig(mail).devSinkPort).toBe(0);
    expect(loadMailConfig({ ...mail, NODE_ENV: 'test' }).devSinkPort).toBe(0);
    expect(
      loadMailConfig({ ...mail, NODE_ENV: 'production', APP_URL: 'https://a.example.org' })
        .devSinkPort,
    ).toBe(0);
  });
});

describe('readEnvironment', () => {
  it('reads an optional .env file and lets real variables win', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ft-env-')), '.env');
    writeFileSync(file, 'FT_ONLY_IN_FILE=from-file\nPATH=from-file\n');
    const raw = readEnvironment(file);
    expect(raw.FT_ONLY_IN_FILE).toBe('from-file');
    expect(raw.PATH).toBe(process.env.PATH);
  });

  it('works without a .env file', () => {
    expect(readEnvironment(join(tmpdir(), 'ft-no-such-dir', '.env')).PATH).toBe(process.env.PATH);
  });
});

describe('AppConfigModule', () => {
  it('exposes the typed namespaces built from the env it is given', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot({ env })],
    }).compile();
    expect(moduleRef.get<AppConfig>(appConfig.KEY)).toEqual({
      nodeEnv: 'development',
      port: 4000,
      logLevel: 'info',
      corsOrigins: ['https://a.example.org'],
      trustProxyHops: 0,
      queueBoard: { password: null, writable: false },
      secureCookies: false,
    });
    expect(moduleRef.get<DatabaseConfig>(databaseConfig.KEY)).toEqual({ url: env.DATABASE_URL });
    expect(moduleRef.get<RedisConfig>(redisConfig.KEY)).toEqual({
      url: env.REDIS_URL,
      queuePrefix: '{ft_unit}',
    });
    await moduleRef.close();
  });

  it('does not copy the env object into process.env', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot({ env: { ...env, QUEUE_PREFIX: 'ft_leak_check' } })],
    }).compile();
    expect(process.env.QUEUE_PREFIX).not.toBe('ft_leak_check');
    await moduleRef.close();
  });

  it('refuses to build with an invalid env', () => {
    expect(() => AppConfigModule.forRoot({ env: {} })).toThrow(
      'Invalid environment: DATABASE_URL is required (a postgres:// URL); ' +
        'REDIS_URL is required (a redis:// or rediss:// URL)',
    );
  });
});
