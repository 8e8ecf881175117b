import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilsService } from './councils.service';
import { Council } from './entities/council.entity';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';

/** Councils and the people in them. Credentials and sessions belong to the auth lib. */
@Module({
  imports: [TypeOrmModule.forFeature([Council, User])],
  providers: [CouncilsService, UsersService],
  exports: [CouncilsService, UsersService],
})
export class PeopleModule {}
