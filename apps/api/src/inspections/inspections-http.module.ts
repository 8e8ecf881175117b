import { InspectionsModule } from '@app/inspections';
import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller';
import { RepeatLinksController } from './repeat-links.controller';
import { SuggestionsController } from './suggestions.controller';

/**
 * POST/GET /inspections: importing reports, reading inspections back, their suggestions and
 * their repeat findings.
 */
@Module({
  imports: [InspectionsModule],
  controllers: [InspectionsController, SuggestionsController, RepeatLinksController],
})
export class InspectionsHttpModule {}
