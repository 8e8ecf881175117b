import { ActionsModule } from '@app/actions';
import { InspectionsModule } from '@app/inspections';
import { MeasuresModule } from '@app/measures';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebActionsController } from './web-actions.controller';

/** The action page: details, history and the forms that change it. */
@Module({
  imports: [WebCoreModule, ActionsModule, InspectionsModule, MeasuresModule, PeopleModule],
  controllers: [WebActionsController],
})
export class WebActionsModule {}
