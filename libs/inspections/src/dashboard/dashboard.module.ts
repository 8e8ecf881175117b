import { Module } from '@nestjs/common';
import { InspectionsDataModule } from '../inspections-data.module';
import { DashboardService } from './dashboard.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [InspectionsDataModule],
  providers: [DashboardService, ReportsService],
  exports: [DashboardService, ReportsService],
})
export class DashboardModule {}
