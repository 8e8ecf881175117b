import type { RawEnv } from '@app/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testEnv } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { deleteQueueKeys, testRedisUrl } from './redis';

export interface TestWorker {
  moduleRef: TestingModule;
  env: RawEnv;
  database: TestDatabase;
  /** Closes the worker (as SIGTERM would), deletes its queue keys and drops its database. */
  close(): Promise<void>;
}

/** The real WorkerModule, in process, with its processors running. */
export async function createTestWorker(overrides: RawEnv = {}): Promise<TestWorker> {
  const database = await createTestDatabase();
  const env = testEnv({ DATABASE_URL: database.url, ...overrides });
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot({ env })],
    }).compile();
    moduleRef.useLogger(moduleRef.get(Logger));
    // init() runs the lifecycle hooks, which is when @nestjs/bullmq starts the workers.
    await moduleRef.init();
    let closed = false;
    return {
      moduleRef,
      env,
      database,
      close: async () => {
        if (closed) return;
        closed = true;
        await moduleRef.close();
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
