import { DashboardModule } from '@app/inspections';
import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

@Module({
  imports: [DashboardModule],
  controllers: [DashboardController],
})
export class DashboardHttpModule {}
