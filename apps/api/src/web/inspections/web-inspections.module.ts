import { ActionsModule } from '@app/actions';
import { InspectionsModule } from '@app/inspections';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { InspectionReviewController } from './inspection-review.controller';
import { InspectionReviewPresenter } from './inspection-review.presenter';
import { WebInspectionsController } from './web-inspections.controller';

/** Inspections: the list, importing a report and reviewing what it found. */
@Module({
  imports: [WebCoreModule, ActionsModule, InspectionsModule, PeopleModule],
  // In either order: their addresses cannot overlap (see WebInspectionsController).
  controllers: [InspectionReviewController, WebInspectionsController],
  providers: [InspectionReviewPresenter],
})
export class WebInspectionsModule {}
