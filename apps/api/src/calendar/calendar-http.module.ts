import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';

@Module({
  imports: [AuthModule],
  controllers: [CalendarController],
})
export class CalendarHttpModule {}
