import { MeasuresModule } from '@app/measures';
import { Module } from '@nestjs/common';
import { MeasuresController } from './measures.controller';
import { RagController } from './rag.controller';

@Module({
  imports: [MeasuresModule],
  controllers: [MeasuresController, RagController],
})
export class MeasuresHttpModule {}
