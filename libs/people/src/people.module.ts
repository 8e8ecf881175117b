import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilsService } from './councils.service';
import { Council } from './entities/council.entity';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { OrganisationsService } from './organisations.service';
import { UsersService } from './users.service';

/** Councils and the people in them. Credentials and sessions belong to the auth lib. */
@Module({
  imports: [TypeOrmModule.forFeature([Council, Organisation, User])],
  providers: [CouncilsService, OrganisationsService, UsersService],
  exports: [CouncilsService, OrganisationsService, UsersService],
})
export class PeopleModule {}
