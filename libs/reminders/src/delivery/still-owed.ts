import type { EmailPreference } from '@app/people';
import { type NotificationKind, REMINDED_STATUSES, REMINDER_KINDS } from '../notification-kinds';

export interface OwedCheck {
  kind: NotificationKind;
  dueOn: string | null;
  recipientId: string;
}

export interface ActionNow {
  status: string;
  ownerId: string | null;
  dueOn: string | null;
}

export interface RecipientNow {
  disabled: boolean;
  emailPreference: EmailPreference;
}

/**
 * Why a pending notification is no longer owed when its turn to be sent comes, or null if it
 * still is. Checked under the row's lock just before sending, so whatever happened since it
 * was recorded (completed, cancelled, reassigned, deadline moved, preference changed) wins.
 */
export function noLongerOwed(
  notification: OwedCheck,
  action: ActionNow | null,
  recipient: RecipientNow | null,
): string | null {
  if (!recipient || recipient.disabled) return 'the recipient’s account is disabled';
  if (REMINDER_KINDS.includes(notification.kind) && recipient.emailPreference === 'digest') {
    return 'the recipient chose the weekly summary only';
  }
  if (notification.kind === 'digest') return null;
  if (!action) return 'the action no longer exists';
  if (!(REMINDED_STATUSES as readonly string[]).includes(action.status)) {
    return `the action is ${action.status.replace('_', ' ')}`;
  }
  if (notification.kind !== 'assigned' && action.dueOn !== notification.dueOn) {
    return 'the deadline changed';
  }
  const toOwner = ['assigned', 'due_soon', 'overdue', 'deadline_changed'].includes(
    notification.kind,
  );
  if (toOwner && action.ownerId !== notification.recipientId) return 'the action was reassigned';
  return null;
}
