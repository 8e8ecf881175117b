import { exitOnBootFailure } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT Nest runs the shutdown hooks: workers stop taking jobs and wait for the
  // running ones (DrainWorkersService), then Redis and Postgres connections close, then the
  // process exits with the signal.
  app.enableShutdownHooks();
  app.get(Logger).log('Worker started', 'Bootstrap');
}

bootstrap().catch(exitOnBootFailure);
