import { ActionsModule } from '@app/actions';
import { CouncilsModule } from '@app/councils';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebActionsController } from './web-actions.controller';

/** The action page: details, history and the forms that change it. */
@Module({
  imports: [WebCoreModule, ActionsModule, CouncilsModule],
  controllers: [WebActionsController],
})
export class WebActionsModule {}
