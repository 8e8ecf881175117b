import { MeasuresModule } from '@app/measures';
import { Module } from '@nestjs/common';
import { MeasureReadingsController } from './measure-readings.controller';
import { MeasuresController } from './measures.controller';
import { RagController } from './rag.controller';

@Module({
  imports: [MeasuresModule],
  controllers: [MeasuresController, MeasureReadingsController, RagController],
})
export class MeasuresHttpModule {}
