import { PeopleModule } from '@app/people';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionChangedListener } from './action-changed.listener';
import { CouncilSettingsService } from './council-settings.service';
import { Notification } from './entities/notification.entity';
import { NotificationsService } from './notifications.service';
import { RemindersQueue } from './reminders-queue';

/**
 * What the API needs: the notification record, queuing work for the worker, a nudge to it
 * when an action changes, and council settings changes that re-plan the reminders.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), QueueModule, PeopleModule],
  providers: [RemindersQueue, NotificationsService, ActionChangedListener, CouncilSettingsService],
  exports: [RemindersQueue, NotificationsService, CouncilSettingsService],
})
export class RemindersModule {}
