import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionChangedListener } from './action-changed.listener';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './notifications.service';
import { RemindersQueue } from './reminders-queue';

/**
 * What the API needs: the notification record, queuing work for the worker, and a nudge to it
 * when an action changes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), QueueModule],
  providers: [RemindersQueue, NotificationsService, ActionChangedListener],
  exports: [RemindersQueue, NotificationsService],
})
export class RemindersModule {}
