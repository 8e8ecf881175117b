import { ActionsModule } from '@app/actions';
import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { ActionsController } from './actions.controller';

@Module({
  imports: [ActionsModule, RemindersModule],
  controllers: [ActionsController],
})
export class ActionsHttpModule {}
