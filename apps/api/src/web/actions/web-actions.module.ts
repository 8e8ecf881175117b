import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** The action page: details, history and the forms that change it. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class WebActionsModule {}
