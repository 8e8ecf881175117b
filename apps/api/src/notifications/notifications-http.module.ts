import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

@Module({
  imports: [RemindersModule],
  controllers: [NotificationsController],
})
export class NotificationsHttpModule {}
