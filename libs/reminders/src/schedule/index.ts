export * from './calendar';
export { digestDay, digestMoment, type DigestMoment, type DigestPolicy } from './digest';
export {
  planAction,
  type ActionFacts,
  type ActionPlan,
  type OwedMoment,
  type ScheduledKind,
} from './plan-action';
export {
  ESCALATE_AFTER_DAYS_LIMITS,
  notificationSettingsProblem,
  REMINDER_OFFSET_LIMITS,
  resolvePolicy,
  type ReminderPolicy,
} from './policy';
export {
  inSendingWindow,
  isSendingDay,
  nextWindowStart,
  type SendingPolicy,
} from './sending-window';
