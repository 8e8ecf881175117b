import { daysBetween } from '@app/common';
import { type ActionStatus, LIVE_STATUSES } from './entities/action.entity';

/**
 * An action is overdue when its deadline has passed in England and it is still live (not
 * completed, verified or cancelled). `today` is the date in Europe/London (londonDateOf).
 */
export function isOverdue(
  action: { status: ActionStatus; dueOn: string | null },
  today: string,
): boolean {
  return (
    action.dueOn !== null &&
    action.dueOn < today &&
    (LIVE_STATUSES as readonly string[]).includes(action.status)
  );
}

/** Days from `today` to the deadline: negative once it has passed; null without a deadline. */
export function daysLeft(dueOn: string | null, today: string): number | null {
  return dueOn === null ? null : daysBetween(today, dueOn);
}

/** The same rule in SQL, for `alias` (the actions table) and a `:today` parameter. */
export function overdueSql(alias: string, todayParam = ':today'): string {
  const live = LIVE_STATUSES.map((status) => `'${status}'`).join(', ');
  return `(${alias}.due_on < ${todayParam} AND ${alias}.status IN (${live}))`;
}
