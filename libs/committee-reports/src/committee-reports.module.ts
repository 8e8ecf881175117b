import { Module } from '@nestjs/common';
import { CommitteeReportsService } from './committee-reports.service';

@Module({
  providers: [CommitteeReportsService],
  exports: [CommitteeReportsService],
})
export class CommitteeReportsModule {}
