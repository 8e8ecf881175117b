import { Module } from '@nestjs/common';
import { ActionsDataModule } from '../actions-data.module';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [ActionsDataModule],
  providers: [DashboardService],
  exports: [DashboardService],
})
export class DashboardModule {}
