import { ActionsModule, InspectionsModule } from '@app/actions';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { InspectionReviewController } from './inspection-review.controller';
import { WebInspectionsController } from './web-inspections.controller';

/** Inspections: the list, importing a report and reviewing what it found. */
@Module({
  imports: [WebCoreModule, ActionsModule, InspectionsModule, PeopleModule],
  // The list's controller first: its /inspections/import is matched before /inspections/:id.
  controllers: [WebInspectionsController, InspectionReviewController],
})
export class WebInspectionsModule {}
