import type { RemindersConfig } from '@app/config';
import type { NotificationSettings } from '@app/people';
import { notificationSettingsProblem, resolvePolicy, type ReminderPolicy } from './policy';

const config: RemindersConfig = {
  offsets: [28, 14, 7, 1, 0],
  sendHour: 8,
  workingDaysOnly: true,
  sweepEveryMs: 300_000,
};

const defaults: ReminderPolicy = {
  offsets: [28, 14, 7, 1, 0],
  assignment: true,
  ownerOverdue: true,
  escalateToLineManager: true,
  escalateToAdminsAfterDays: 28,
  weeklyDigest: true,
  sendHour: 8,
  workingDaysOnly: true,
};

/** Settings as they might come out of the jsonb column, whatever their declared type. */
const stored = (value: unknown) => value as NotificationSettings;

describe('resolvePolicy', () => {
  it('follows the config and NOTIFICATION_DEFAULTS when the council has set nothing', () => {
    expect(resolvePolicy({}, config)).toEqual(defaults);
  });

  it('takes sendHour and workingDaysOnly from the config', () => {
    const policy = resolvePolicy({}, { ...config, sendHour: 10, workingDaysOnly: false });
    expect(policy).toMatchObject({ sendHour: 10, workingDaysOnly: false });
  });

  it.each<NotificationSettings>([
    { assignment: false },
    { ownerOverdue: false },
    { escalateToLineManager: false },
    { weeklyDigest: false },
    { escalateToAdminsAfterDays: 14 },
  ])('lets the council setting %j override on its own', (setting) => {
    expect(resolvePolicy(setting, config)).toEqual({ ...defaults, ...setting });
  });

  it('keeps null for admin escalation (never) but treats undefined as the default', () => {
    expect(
      resolvePolicy({ escalateToAdminsAfterDays: null }, config).escalateToAdminsAfterDays,
    ).toBe(null);
    expect(
      resolvePolicy({ escalateToAdminsAfterDays: undefined }, config).escalateToAdminsAfterDays,
    ).toBe(28);
  });

  it("uses the council's offsets, largest first and without repeats", () => {
    expect(resolvePolicy({ reminderOffsets: [1, 10, 3] }, config).offsets).toEqual([10, 3, 1]);
    expect(resolvePolicy({}, { ...config, offsets: [0, 7, 7, 1] }).offsets).toEqual([7, 1, 0]);
  });

  it('does not share the offsets array with the config or the settings', () => {
    const settings = { reminderOffsets: [7, 1] };
    resolvePolicy(settings, config).offsets.push(99);
    resolvePolicy({}, config).offsets.push(99);
    expect(settings.reminderOffsets).toEqual([7, 1]);
    expect(config.offsets).toEqual([28, 14, 7, 1, 0]);
  });

  it('falls back to the default for a stored value that is not valid', () => {
    const policy = resolvePolicy(
      stored({
        reminderOffsets: [-1],
        assignment: 'no',
        ownerOverdue: null,
        escalateToAdminsAfterDays: 0,
        weeklyDigest: 1,
      }),
      config,
    );
    expect(policy).toEqual(defaults);
  });
});

describe('notificationSettingsProblem', () => {
  it.each([
    {},
    { reminderOffsets: [0] },
    { reminderOffsets: [365, 0, 1, 2, 3, 4, 5, 6, 7, 8] },
    { escalateToAdminsAfterDays: null },
    { escalateToAdminsAfterDays: 1 },
    { escalateToAdminsAfterDays: 365 },
    {
      reminderOffsets: [14, 7],
      assignment: false,
      ownerOverdue: true,
      escalateToLineManager: false,
      escalateToAdminsAfterDays: 28,
      weeklyDigest: false,
    },
  ])('accepts %j', (settings) => {
    expect(notificationSettingsProblem(settings)).toBeNull();
  });

  it.each([
    [[]],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    [[7, 7]],
    [[-1]],
    [[366]],
    [[1.5]],
    [['7']],
    [null],
    ['7'],
  ])('names reminderOffsets for %j', (reminderOffsets) => {
    expect(notificationSettingsProblem(stored({ reminderOffsets }))).toMatch(/^reminderOffsets /);
  });

  it.each([0, 366, 2.5, '28', false])('names escalateToAdminsAfterDays for %j', (value) => {
    expect(notificationSettingsProblem(stored({ escalateToAdminsAfterDays: value }))).toMatch(
      /^escalateToAdminsAfterDays /,
    );
  });

  it.each(['assignment', 'ownerOverdue', 'escalateToLineManager', 'weeklyDigest'])(
    'names %s when it is not a boolean',
    (field) => {
      for (const value of ['true', 1, null, {}]) {
        expect(notificationSettingsProblem(stored({ [field]: value }))).toBe(
          `${field} must be true or false`,
        );
      }
    },
  );

  it.each([null, [], 'x'])('rejects %j as a whole', (settings) => {
    expect(notificationSettingsProblem(stored(settings))).toBe(
      'Notification settings must be an object',
    );
  });
});
