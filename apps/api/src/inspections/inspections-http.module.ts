import { InspectionsModule } from '@app/actions';
import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller';

/** POST/GET /inspections: importing reports and reading inspections back. */
@Module({
  imports: [InspectionsModule],
  controllers: [InspectionsController],
})
export class InspectionsHttpModule {}
