import { Module } from '@nestjs/common';
import { ActionsDataModule } from '../actions-data.module';
import { DashboardService } from './dashboard.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [ActionsDataModule],
  providers: [DashboardService, ReportsService],
  exports: [DashboardService, ReportsService],
})
export class DashboardModule {}
