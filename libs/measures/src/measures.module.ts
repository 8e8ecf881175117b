import { ActionsDataModule } from '@app/actions';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeasureReading } from './entities/measure-reading.entity';
import { Measure } from './entities/measure.entity';
import { MeasuresService } from './measures.service';
import { ActionRagService } from './action-rag.service';
import { RagOverride } from './entities/rag-override.entity';
import { RagCorrections } from './rag-corrections';

@Module({
  imports: [ActionsDataModule, TypeOrmModule.forFeature([Measure, MeasureReading, RagOverride])],
  providers: [MeasuresService, ActionRagService, RagCorrections],
  exports: [MeasuresService, ActionRagService, RagCorrections],
})
export class MeasuresModule {}
