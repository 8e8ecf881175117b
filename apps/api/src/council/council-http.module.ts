import { CouncilsModule } from '@app/councils';
import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { CouncilController } from './council.controller';

@Module({
  imports: [CouncilsModule, RemindersModule],
  controllers: [CouncilController],
})
export class CouncilHttpModule {}
