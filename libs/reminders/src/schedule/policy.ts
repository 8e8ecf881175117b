import type { RemindersConfig } from '@app/config';
import { NOTIFICATION_DEFAULTS, type NotificationSettings } from '@app/people';

/** Everything the scheduler needs to know about one council's reminders, defaults filled in. */
export interface ReminderPolicy {
  /** Days before the deadline the owner is reminded, largest first, no repeats. */
  offsets: number[];
  assignment: boolean;
  ownerOverdue: boolean;
  escalateToLineManager: boolean;
  /** Admins hear about actions overdue by more than this many days; null = never. */
  escalateToAdminsAfterDays: number | null;
  weeklyDigest: boolean;
  /** Hour (0-23, England) from which a day's reminders go out. */
  sendHour: number;
  /** Send only on working days in England (and move reminders onto them). */
  workingDaysOnly: boolean;
}

export const REMINDER_OFFSET_LIMITS = { min: 0, max: 365, maxCount: 10 } as const;
export const ESCALATE_AFTER_DAYS_LIMITS = { min: 1, max: 365 } as const;

const BOOLEAN_SETTINGS = [
  'assignment',
  'ownerOverdue',
  'escalateToLineManager',
  'weeklyDigest',
] as const satisfies readonly (keyof NotificationSettings)[];

function isWholeNumberWithin(value: unknown, range: { min: number; max: number }): boolean {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max
  );
}

function validOffsets(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= REMINDER_OFFSET_LIMITS.maxCount &&
    value.every((offset) => isWholeNumberWithin(offset, REMINDER_OFFSET_LIMITS)) &&
    new Set(value).size === value.length
  );
}

function validEscalateAfter(value: unknown): value is number | null {
  return value === null || isWholeNumberWithin(value, ESCALATE_AFTER_DAYS_LIMITS);
}

/**
 * Why `settings` cannot be saved, naming the field, or null when it can. Unset fields are fine
 * (they follow the defaults); a field that is present must be valid, so `null` only means
 * something for `escalateToAdminsAfterDays` ("never").
 */
export function notificationSettingsProblem(settings: NotificationSettings): string | null {
  // The settings arrive as JSON, so the declared type is not to be trusted here.
  const input: unknown = settings;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return 'Notification settings must be an object';
  }
  const { reminderOffsets, escalateToAdminsAfterDays } = settings;
  if (reminderOffsets !== undefined && !validOffsets(reminderOffsets)) {
    const { min, max, maxCount } = REMINDER_OFFSET_LIMITS;
    return `reminderOffsets must be 1-${maxCount} different whole numbers of days, each ${min}-${max}`;
  }
  if (escalateToAdminsAfterDays !== undefined && !validEscalateAfter(escalateToAdminsAfterDays)) {
    const { min, max } = ESCALATE_AFTER_DAYS_LIMITS;
    return `escalateToAdminsAfterDays must be a whole number ${min}-${max}, or null for never`;
  }
  for (const field of BOOLEAN_SETTINGS) {
    const value: unknown = settings[field];
    if (value !== undefined && typeof value !== 'boolean') return `${field} must be true or false`;
  }
  return null;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * A council's policy: each setting it has made overrides the deployment's config and
 * NOTIFICATION_DEFAULTS on its own. Stored settings are validated on the way in, but a field that
 * is somehow invalid falls back to its default rather than stopping every council's reminders.
 */
export function resolvePolicy(
  settings: NotificationSettings,
  config: RemindersConfig,
): ReminderPolicy {
  const offsets = validOffsets(settings.reminderOffsets)
    ? settings.reminderOffsets
    : config.offsets;
  const escalateAfter = settings.escalateToAdminsAfterDays;
  return {
    offsets: [...new Set(offsets)].sort((a, b) => b - a),
    assignment: flag(settings.assignment, NOTIFICATION_DEFAULTS.assignment),
    ownerOverdue: flag(settings.ownerOverdue, NOTIFICATION_DEFAULTS.ownerOverdue),
    escalateToLineManager: flag(
      settings.escalateToLineManager,
      NOTIFICATION_DEFAULTS.escalateToLineManager,
    ),
    // `??` would turn an explicit null ("never") back into the default.
    escalateToAdminsAfterDays:
      escalateAfter !== undefined && validEscalateAfter(escalateAfter)
        ? escalateAfter
        : NOTIFICATION_DEFAULTS.escalateToAdminsAfterDays,
    weeklyDigest: flag(settings.weeklyDigest, NOTIFICATION_DEFAULTS.weeklyDigest),
    sendHour: config.sendHour,
    workingDaysOnly: config.workingDaysOnly,
  };
}
