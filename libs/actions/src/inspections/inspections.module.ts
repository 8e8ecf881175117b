import { Module } from '@nestjs/common';
import { ActionsDataModule } from '../actions-data.module';

@Module({
  imports: [ActionsDataModule],
  providers: [],
  exports: [],
})
export class InspectionsModule {}
