import { londonDateOf } from '@app/common';
import {
  isWorkingDayCached,
  londonHour,
  londonInstant,
  nextWorkingDayOnOrAfter,
  shiftDate,
} from './calendar';
import type { ReminderPolicy } from './policy';

/** The part of a policy that decides when mail may go out. */
export type SendingPolicy = Pick<ReminderPolicy, 'sendHour' | 'workingDaysOnly'>;

/** Whether scheduled mail may go out at all on `isoDate` (England). */
export function isSendingDay(isoDate: string, policy: SendingPolicy): boolean {
  return !policy.workingDaysOnly || isWorkingDayCached(isoDate);
}

/**
 * Scheduled mail (reminders, escalations, digests) goes out from `sendHour` to midnight on sending
 * days, so nobody is emailed at 3am and a backlog waits for the morning rather than the night.
 */
export function inSendingWindow(now: Date, policy: SendingPolicy): boolean {
  return isSendingDay(londonDateOf(now), policy) && londonHour(now) >= policy.sendHour;
}

/** The next time a sending window opens after `now`: `sendHour` today if still to come, else on the next sending day. */
export function nextWindowStart(now: Date, policy: SendingPolicy): Date {
  const today = londonDateOf(now);
  if (isSendingDay(today, policy) && londonHour(now) < policy.sendHour) {
    return londonInstant(today, policy.sendHour);
  }
  const tomorrow = shiftDate(today, 1);
  const day = policy.workingDaysOnly ? nextWorkingDayOnOrAfter(tomorrow) : tomorrow;
  return londonInstant(day, policy.sendHour);
}
