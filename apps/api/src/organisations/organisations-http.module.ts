import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [PeopleModule],
  controllers: [OrganisationsController],
})
export class OrganisationsHttpModule {}
