import { CommitteeReportsModule } from '@app/committee-reports';
import { ActionsModule } from '@app/actions';
import { DashboardModule, InspectionsModule } from '@app/inspections';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebReportsController } from './web-reports.controller';

/** For managers: inspection progress, the overdue review and the dashboard. */
@Module({
  imports: [
    WebCoreModule,
    ActionsModule,
    InspectionsModule,
    DashboardModule,
    PeopleModule,
    CommitteeReportsModule,
  ],
  controllers: [WebReportsController],
})
export class WebReportsModule {}
