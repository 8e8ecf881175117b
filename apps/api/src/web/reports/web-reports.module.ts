import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** For managers: inspection progress, the overdue review and the dashboard. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class WebReportsModule {}
