import { ActionsModule } from '@app/actions';
import { Module } from '@nestjs/common';
import { ActionsController } from './actions.controller';

@Module({
  imports: [ActionsModule],
  controllers: [ActionsController],
})
export class ActionsHttpModule {}
