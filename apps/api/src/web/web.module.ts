import { ActionsModule } from '@app/actions';
import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { loginThrottleOptions } from '../auth/login-throttle';
import { WebActionsModule } from './actions/web-actions.module';
import { WebAdminModule } from './admin/web-admin.module';
import { WebInspectionsModule } from './inspections/web-inspections.module';
import { WebReportsModule } from './reports/web-reports.module';
import { WebSettingsModule } from './settings/web-settings.module';
import { WebController } from './web.controller';
import { WebCoreModule } from './web-core.module';

/** The GOV.UK-style pages, served by the API process under `/`; one module per area. */
@Module({
  imports: [
    AuthModule,
    ActionsModule,
    WebCoreModule,
    // The same login limits as POST /api/auth/login, counted in the same Redis keys.
    ThrottlerModule.forRootAsync(loginThrottleOptions),
    WebActionsModule,
    WebInspectionsModule,
    WebReportsModule,
    WebAdminModule,
    WebSettingsModule,
  ],
  controllers: [WebController],
})
export class WebModule {}
