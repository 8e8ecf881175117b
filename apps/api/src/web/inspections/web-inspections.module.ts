import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** Inspections: the list, importing a report and reviewing what it found. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class WebInspectionsModule {}
