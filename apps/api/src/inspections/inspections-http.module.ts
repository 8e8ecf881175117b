import { InspectionsModule } from '@app/inspections';
import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller';
import { SuggestionsController } from './suggestions.controller';

/** POST/GET /inspections: importing reports, reading inspections back, their suggestions. */
@Module({
  imports: [InspectionsModule],
  controllers: [InspectionsController, SuggestionsController],
})
export class InspectionsHttpModule {}
