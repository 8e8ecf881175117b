import { Module } from '@nestjs/common';
import { ActionsDataModule } from '../actions-data.module';
import { ActionsService } from './actions.service';

@Module({
  imports: [ActionsDataModule],
  providers: [ActionsService],
  exports: [ActionsService],
})
export class ActionsModule {}
