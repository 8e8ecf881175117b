import { Clock } from '@app/common';
import type { RawEnv } from '@app/config';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, HTTP_APP_OPTIONS } from '../../apps/api/src/configure-app';
import { createTestDatabase, type TestDatabase } from './database';
import { deleteQueueKeys, testRedisUrl, uniqueQueuePrefix } from './redis';

/**
 * A complete environment for one test file: real Redis under a unique prefix, logs silenced
 * (TEST_LOG_LEVEL=debug to see them). DATABASE_URL comes from the caller.
 */
export function testEnv(overrides: RawEnv = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    REDIS_URL: testRedisUrl(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    QUEUE_PREFIX: uniqueQueuePrefix(),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    // Nothing listens here unless a test starts a sink: mail a test did not expect fails loudly.
    SMTP_URL: 'smtp://127.0.0.1:9',
    ...overrides,
  };
}

export interface TestApp {
  app: NestExpressApplication;
  server: Server;
  env: RawEnv;
  database: TestDatabase;
  /** Closes the app, deletes its queue keys and drops its database. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Variables to add or override (validated like production; nothing touches process.env). */
  env?: RawEnv;
  /** Extra modules, e.g. a test-only controller. They get the global pipe and filter too. */
  imports?: ModuleMetadata['imports'];
  /** Replaces the system clock (e.g. a MovableClock shared with a worker). */
  clock?: Clock;
  /** An existing database to use instead of a new one (still dropped on close). */
  database?: TestDatabase;
}

/** The real AppModule on its own database, set up by the same configureApp() as main.ts. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const env = testEnv({ DATABASE_URL: database.url, ...options.env });
  try {
    const builder = Test.createTestingModule({
      imports: [AppModule.forRoot({ env }), ...(options.imports ?? [])],
    });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      ...HTTP_APP_OPTIONS,
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    configureApp(app);
    await app.init();
    return {
      app,
      server: app.getHttpServer(),
      env,
      database,
      close: async () => {
        await app.close();
        if (env.QUEUE_PREFIX)
          await deleteQueueKeys(env.REDIS_URL ?? testRedisUrl(), env.QUEUE_PREFIX);
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
