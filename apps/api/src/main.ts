import { exitOnBootFailure } from '@app/common';
import { appConfig, type AppConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp, HTTP_APP_OPTIONS } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    ...HTTP_APP_OPTIONS,
    // Held until pino is in place, so boot messages come out as JSON like the rest.
    bufferLogs: true,
    // Let exitOnBootFailure report a failed boot instead of Nest exiting on its own.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  // SIGTERM/SIGINT close the app: HTTP server, queue and database connections.
  app.enableShutdownHooks();

  const { port } = app.get<AppConfig>(appConfig.KEY);
  await app.listen(port);
  app.get(Logger).log(`API listening on port ${port} (docs at /docs)`, 'Bootstrap');
}

bootstrap().catch(exitOnBootFailure);
