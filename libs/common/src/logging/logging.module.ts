import { appConfig, type AppConfig } from '@app/config';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './logger-options';

export interface LoggingModuleOptions {
  /** Added to every log line (`"service":"api"`), so api and worker logs can share a sink. */
  service: string;
}

/**
 * nestjs-pino configured from the `app` config. Use `app.useLogger(app.get(Logger))` in main.ts
 * (with `bufferLogs: true`) so Nest's own messages go through pino too.
 */
@Module({})
export class LoggingModule {
  static forRoot({ service }: LoggingModuleOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: AppConfig) => loggerParams(service, config.logLevel),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
