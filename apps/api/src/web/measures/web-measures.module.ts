import { MeasuresModule } from '@app/measures';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebMeasuresController } from './web-measures.controller';

/** Readings of many measures at once, uploaded from a spreadsheet. */
@Module({
  imports: [WebCoreModule, MeasuresModule],
  controllers: [WebMeasuresController],
})
export class WebMeasuresModule {}
