import { COMMITTED_STATUSES } from '@app/actions';

export const NOTIFICATION_KINDS = [
  'assigned',
  'due_soon',
  'overdue',
  'escalation',
  'admin_escalation',
  'digest',
  /** To the owner, when someone else moved their action's deadline. */
  'deadline_changed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
/** `cancelled`: no longer owed when its turn came (action done, reassigned, deadline moved...). */
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Kinds that a digest-only recipient does not get one by one. */
export const REMINDER_KINDS: readonly NotificationKind[] = [
  'due_soon',
  'overdue',
  'escalation',
  'admin_escalation',
];

/** Only actions still to be done, and out of draft, are reminded about. */
export const REMINDED_STATUSES = COMMITTED_STATUSES;
