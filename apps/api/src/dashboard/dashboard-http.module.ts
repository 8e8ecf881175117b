import { DashboardModule, InspectionsModule } from '@app/inspections';
import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { RepeatFindingsDashboardController } from './repeat-findings.controller';

@Module({
  imports: [DashboardModule, InspectionsModule],
  controllers: [DashboardController, RepeatFindingsDashboardController],
})
export class DashboardHttpModule {}
