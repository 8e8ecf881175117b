export { type CouncilSettingsChanges, CouncilSettingsService } from './council-settings.service';
export { type DeliveryOutcome, DeliveryService } from './delivery/delivery.service';
export { Notification } from './entities/notification.entity';
export { RemindersHealthModule } from './health/reminders-health.module';
export { type RemindersHealth, RemindersHealthIndicator } from './health/reminders.health';
export {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from './notification-kinds';
export {
  type NotificationFilters,
  NotificationsService,
  type NotificationView,
} from './notifications.service';
export { ReminderJobsModule } from './reminder-jobs.module';
export { RemindersModule } from './reminders.module';
export { RemindersQueue } from './reminders-queue';
export {
  ESCALATE_AFTER_DAYS_LIMITS,
  notificationSettingsProblem,
  REMINDER_OFFSET_LIMITS,
  type ReminderPolicy,
  resolvePolicy,
} from './schedule';
export { DIGEST_WINDOW_DAYS, ReminderSweeper, type SweepResult } from './sweep/reminder-sweeper';
