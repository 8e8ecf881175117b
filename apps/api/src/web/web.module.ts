import { ActionsModule } from '@app/actions';
import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { SignInLimitModule } from '../auth/sign-in-limit.module';
import { WebActionsModule } from './actions/web-actions.module';
import { WebAdminModule } from './admin/web-admin.module';
import { WebInspectionsModule } from './inspections/web-inspections.module';
import { WebMeasuresModule } from './measures/web-measures.module';
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
    // The same sign-in count as POST /api/auth/login.
    SignInLimitModule,
    WebActionsModule,
    WebInspectionsModule,
    WebMeasuresModule,
    WebReportsModule,
    WebAdminModule,
    WebSettingsModule,
  ],
  controllers: [WebController],
})
export class WebModule {}
