import { AuthModule } from '@app/auth';
import { PeopleModule } from '@app/people';
import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { CouncilSsoController } from './council-sso.controller';
import { CouncilController } from './council.controller';

@Module({
  imports: [PeopleModule, RemindersModule, AuthModule],
  controllers: [CouncilController, CouncilSsoController],
})
export class CouncilHttpModule {}
