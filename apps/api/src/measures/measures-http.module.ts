import { MeasuresModule } from '@app/measures';
import { Module } from '@nestjs/common';
import { MeasuresController } from './measures.controller';

@Module({
  imports: [MeasuresModule],
  controllers: [MeasuresController],
})
export class MeasuresHttpModule {}
