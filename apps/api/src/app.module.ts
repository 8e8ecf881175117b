import { createValidationPipe, HttpErrorFilter, LoggingModule } from '@app/common';
import { AppConfigModule, type AppConfigModuleOptions } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ExtractModule } from './extract/extract.module';
import { HealthModule } from './health/health.module';

/**
 * The HTTP API. `forRoot()` reads the process environment; tests pass `{ env }` instead.
 * Pipe and filter are registered here (APP_*), so test modules built from AppModule get them.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppConfigModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Infrastructure
        AppConfigModule.forRoot(options),
        LoggingModule.forRoot({ service: 'api' }),
        DatabaseModule,
        QueueModule,
        HealthModule,
        // Feature modules, one per domain (apps/api/src/<domain>/).
        ExtractModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
