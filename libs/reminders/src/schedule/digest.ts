import { londonDateOf } from '@app/common';
import { isoWeekMonday, isWorkingDayCached, shiftDate } from './calendar';
import type { ReminderPolicy } from './policy';
import { inSendingWindow } from './sending-window';

export type DigestPolicy = Pick<ReminderPolicy, 'weeklyDigest' | 'sendHour' | 'workingDaysOnly'>;

export interface DigestMoment {
  /** `w<Monday of the ISO week>`: one digest per person per week. */
  moment: string;
  /** Whether this week's digest may go now (stays true for the rest of the week: catch-up). */
  due: boolean;
}

/**
 * The day the week's digest goes: Monday, or with workingDaysOnly the week's first working day
 * (Tuesday after Easter Monday); null when the week has no working day at all.
 */
export function digestDay(monday: string, workingDaysOnly: boolean): string | null {
  if (!workingDaysOnly) return monday;
  // Saturday and Sunday are never working days, so Monday to Friday is enough.
  for (let day = 0; day < 5; day++) {
    const date = shiftDate(monday, day);
    if (isWorkingDayCached(date)) return date;
  }
  return null;
}

export function digestMoment(now: Date, policy: DigestPolicy): DigestMoment {
  const today = londonDateOf(now);
  const monday = isoWeekMonday(today);
  const day = policy.weeklyDigest ? digestDay(monday, policy.workingDaysOnly) : null;
  return {
    moment: `w${monday}`,
    due: day !== null && today >= day && inSendingWindow(now, policy),
  };
}
