import { InspectionsModule } from '@app/inspections';
import { Module } from '@nestjs/common';
import { ExtractController } from './extract.controller';

/** Stateless extraction: a report in, its recommendations out, nothing stored. */
// InspectionsModule for its ReportReader, the parser on a worker thread.
@Module({ imports: [InspectionsModule], controllers: [ExtractController] })
export class ExtractModule {}
