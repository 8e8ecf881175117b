import { ActionsDataModule } from '@app/actions';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeasureReading } from './entities/measure-reading.entity';
import { Measure } from './entities/measure.entity';
import { MeasuresService } from './measures.service';

@Module({
  imports: [ActionsDataModule, TypeOrmModule.forFeature([Measure, MeasureReading])],
  providers: [MeasuresService],
  exports: [MeasuresService],
})
export class MeasuresModule {}
