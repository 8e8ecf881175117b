import { Council } from '@app/people';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionsModule } from '@app/actions';
import { ImportService } from './import.service';
import { InspectionsDataModule } from './inspections-data.module';
import { InspectionsService } from './inspections.service';
import { RepeatFindingsService } from './repeats/repeat-findings.service';
import { ReportReader } from './report-reader';
import { SuggestionsService } from './suggestions.service';

/** Importing reports into inspections, recommendations and draft actions, and reading them back. */
@Module({
  // Council: the import locks its row and reads its deadline settings.
  imports: [InspectionsDataModule, ActionsModule, TypeOrmModule.forFeature([Council])],
  providers: [
    ImportService,
    InspectionsService,
    RepeatFindingsService,
    ReportReader,
    SuggestionsService,
  ],
  exports: [
    ImportService,
    InspectionsService,
    RepeatFindingsService,
    ReportReader,
    SuggestionsService,
  ],
})
export class InspectionsModule {}
