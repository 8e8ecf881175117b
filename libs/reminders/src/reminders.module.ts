import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './notifications.service';
import { RemindersQueue } from './reminders-queue';

/** What the API needs: the notification record, and queuing work for the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), QueueModule],
  providers: [RemindersQueue, NotificationsService],
  exports: [RemindersQueue, NotificationsService],
})
export class RemindersModule {}
