import { DashboardModule } from '@app/actions';
import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

@Module({
  imports: [DashboardModule],
  controllers: [DashboardController],
})
export class DashboardHttpModule {}
