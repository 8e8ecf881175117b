import { CommitteeReportsModule } from '@app/committee-reports';
import { Module } from '@nestjs/common';
import { CommitteeReportsController } from './committee-reports.controller';

@Module({
  imports: [CommitteeReportsModule],
  controllers: [CommitteeReportsController],
})
export class CommitteeReportsHttpModule {}
