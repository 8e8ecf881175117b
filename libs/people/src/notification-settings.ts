/**
 * What a council has changed about its reminders; anything unset follows the deployment's
 * defaults (REMINDER_OFFSETS and the defaults below). Stored as councils.notification_settings.
 */
export interface NotificationSettings {
  /** Days before a deadline the owner is reminded (0 = on the day). */
  reminderOffsets?: number[];
  /** Email the new owner when an action is assigned or reassigned. */
  assignment?: boolean;
  /** Remind the owner weekly while an action is overdue. */
  ownerOverdue?: boolean;
  /** Tell the owner's line manager on the first day overdue and weekly after. */
  escalateToLineManager?: boolean;
  /** Also tell the council's admins once an action is overdue by more than this many days; null = never. */
  escalateToAdminsAfterDays?: number | null;
  /** A Monday summary for managers (and for anyone who chose digest-only). */
  weeklyDigest?: boolean;
}

export const NOTIFICATION_DEFAULTS = {
  assignment: true,
  ownerOverdue: true,
  escalateToLineManager: true,
  escalateToAdminsAfterDays: 28,
  weeklyDigest: true,
} as const satisfies Required<Omit<NotificationSettings, 'reminderOffsets'>>;

export const EMAIL_PREFERENCES = ['every', 'digest'] as const;
/** `every`: each reminder and escalation as it falls due; `digest`: only the weekly summary. */
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
