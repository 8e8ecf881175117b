import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import { type EnvDto, parseDuration } from './env.dto';

const REMINDER_ENV_KEYS = [
  'REMINDER_OFFSETS',
  'SEND_HOUR',
  'WORKING_DAYS_ONLY',
  'REMINDER_SWEEP_EVERY',
] as const;

export function toRemindersConfig(env: Pick<EnvDto, (typeof REMINDER_ENV_KEYS)[number]>) {
  return {
    /** Days before a deadline the owner is reminded, largest first; a council may override. */
    offsets: [...env.REMINDER_OFFSETS].sort((a, b) => b - a),
    /** Hour (0-23, England) from which the day's reminders go out. */
    sendHour: env.SEND_HOUR,
    /** Skip weekends and bank holidays in England. */
    workingDaysOnly: env.WORKING_DAYS_ONLY,
    // Validated as a duration by EnvDto.
    sweepEveryMs: parseDuration(env.REMINDER_SWEEP_EVERY) ?? 300_000,
  };
}

const reminders = configNamespace('reminders', REMINDER_ENV_KEYS, toRemindersConfig);

/** Validates and reads only the `reminders` variables, for code that runs without Nest. */
export const loadRemindersConfig = reminders.load;

/** Inject with `@Inject(remindersConfig.KEY) config: RemindersConfig`. */
export const remindersConfig = reminders.config;
export type RemindersConfig = ConfigType<typeof remindersConfig>;
