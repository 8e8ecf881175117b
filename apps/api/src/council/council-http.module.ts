import { PeopleModule } from '@app/people';
import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { CouncilController } from './council.controller';

@Module({
  imports: [PeopleModule, RemindersModule],
  controllers: [CouncilController],
})
export class CouncilHttpModule {}
