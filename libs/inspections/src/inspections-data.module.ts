import { ActionsDataModule } from '@app/actions';
import { MeasuresModule } from '@app/measures';
import { Organisation } from '@app/people';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionFile } from './entities/inspection-file.entity';
import { Inspection } from './entities/inspection.entity';
import { Recommendation } from './entities/recommendation.entity';
import { RepeatLink } from './entities/repeat-link.entity';
import { InspectionSuggestion } from './entities/suggestion.entity';
import { ProgressService } from './progress/progress.service';

/**
 * The inspections' tables and their progress counts, with the actions' tables beside them
 * (an inspection's progress is its actions', measures and RAG overrides included).
 */
@Module({
  imports: [
    ActionsDataModule,
    MeasuresModule,
    TypeOrmModule.forFeature([
      Inspection,
      InspectionFile,
      Recommendation,
      InspectionSuggestion,
      Organisation,
      RepeatLink,
    ]),
  ],
  providers: [ProgressService],
  exports: [ActionsDataModule, MeasuresModule, TypeOrmModule, ProgressService],
})
export class InspectionsDataModule {}
