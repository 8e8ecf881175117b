import type { RemindersConfig } from '@app/config';
import type { Council } from '@app/people';
import type { ReminderPolicy } from '@app/reminders';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { NOTIFY_OPTIONS, type NotifyOption } from './admin-forms';

const NOTIFY_LABELS: Record<NotifyOption, { text: string; hint: string }> = {
  assignment: {
    text: 'When someone is given an action',
    hint: 'Email the new owner when an action is assigned or reassigned',
  },
  ownerOverdue: {
    text: 'Weekly while an action is overdue',
    hint: 'Remind the owner each week until it is done',
  },
  escalateToLineManager: {
    text: 'Tell the owner’s line manager',
    hint: 'On the first day an action is overdue, then weekly',
  },
  weeklyDigest: {
    text: 'Monday summary',
    hint: 'A weekly summary for managers, and for anyone who chose the digest only',
  },
};

/** The council's settings as the form's fields show them. */
export function councilSettingsValues(
  council: Council,
  policy: ReminderPolicy,
): Record<string, unknown> {
  return {
    immediateWindowDays: String(council.immediateWindowDays),
    defaultWindowMonths: String(council.defaultWindowMonths),
    measureTolerancePercent: String(council.measureTolerancePercent),
    reminderOffsets: policy.offsets.join(', '),
    escalateToAdminsAfterDays:
      policy.escalateToAdminsAfterDays === null ? '' : String(policy.escalateToAdminsAfterDays),
    notify: NOTIFY_OPTIONS.filter((option) => policy[option]),
  };
}

/** /admin/council with `state`'s values (the saved settings, or what was posted) and errors. */
export function councilSettingsPage(state: FormState, reminders: RemindersConfig): PageLocals {
  // A lone ticked box is posted as text, several as a list, none not at all.
  const ticked = ([] as unknown[]).concat(state.values.notify ?? []);
  return {
    title: 'Council settings',
    section: 'admin',
    ...state,
    values: { ...state.values, notify: ticked },
    notifyItems: NOTIFY_OPTIONS.map((option) => ({
      value: option,
      text: NOTIFY_LABELS[option].text,
      hint: { text: NOTIFY_LABELS[option].hint },
      checked: ticked.includes(option),
    })),
    sendHour: `${String(reminders.sendHour).padStart(2, '0')}:00`,
    workingDaysOnly: reminders.workingDaysOnly,
  };
}
