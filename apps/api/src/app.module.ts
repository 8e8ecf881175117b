import { AuthModule, RolesGuard } from '@app/auth';
import { ClockModule, createValidationPipe, LoggingModule, RequestBodyGuard } from '@app/common';
import { AppConfigModule, type AppConfigModuleOptions } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule, RedisPolicyModule } from '@app/queue';
import { RemindersModule } from '@app/reminders';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, RouterModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ActionsHttpModule } from './actions/actions-http.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CouncilHttpModule } from './council/council-http.module';
import { CalendarHttpModule } from './calendar/calendar-http.module';
import { CommitteeReportsHttpModule } from './committee-reports/committee-reports-http.module';
import { DashboardHttpModule } from './dashboard/dashboard-http.module';
import { DevMailModule } from './dev-mail/dev-mail.module';
import { ExtractModule } from './extract/extract.module';
import { HealthModule } from './health/health.module';
import { InspectionsHttpModule } from './inspections/inspections-http.module';
import { MeasuresHttpModule } from './measures/measures-http.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { OrganisationsHttpModule } from './organisations/organisations-http.module';
import { UsersHttpModule } from './users/users-http.module';
import { PageNotFoundFilter } from './web/page-not-found.filter';
import { SessionGuard } from './auth/session.guard';
import { PageCsrfGuard } from './web/page-guards';
import { WebCoreModule } from './web/web-core.module';
import { WebModule } from './web/web.module';

/** The JSON API's modules: their routes sit under /api, beside the web pages at /. */
const API_MODULES = [
  AuthHttpModule,
  UsersHttpModule,
  OrganisationsHttpModule,
  CouncilHttpModule,
  ExtractModule,
  InspectionsHttpModule,
  ActionsHttpModule,
  MeasuresHttpModule,
  DashboardHttpModule,
  CommitteeReportsHttpModule,
  CalendarHttpModule,
  NotificationsHttpModule,
];

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
        // Before anything uses Redis: stops boot if it may evict queued jobs.
        RedisPolicyModule,
        QueueModule,
        ClockModule,
        // Domain events (an action changed): said after commit, heard by the reminders.
        EventEmitterModule.forRoot(),
        // Hears ActionChanged: a changed action is looked at now, not at the next sweep.
        RemindersModule,
        AuthModule,
        HealthModule,
        QueueBoardModule,
        DevMailModule,
        // Feature modules, one per domain (apps/api/src/<domain>/), served under /api.
        ...API_MODULES,
        RouterModule.register([{ path: 'api', children: API_MODULES }]),
        // The web pages own the rest of the address space (emails link to /actions/<id>).
        WebModule,
        // Its page guards run for every route (they pass over the API's).
        WebCoreModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // The API's JSON errors, but a browser's unknown address gets a "Page not found" page.
        { provide: APP_FILTER, useClass: PageNotFoundFilter },
        // In this order: who is calling (an API token, or a page's session cookie), their role,
        // then the body, read only now and within the route's limit, then a page form's CSRF
        // token (in the body it has just read).
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
        { provide: APP_GUARD, useClass: RequestBodyGuard },
        { provide: APP_GUARD, useExisting: PageCsrfGuard },
      ],
    };
  }
}
