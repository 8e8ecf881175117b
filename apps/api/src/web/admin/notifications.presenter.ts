import type { NotificationKind, NotificationView } from '@app/reminders';
import type { ErrorLink } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { pagination } from '../tables';
import { dateTime, longDate } from '../view-models';

/** Failed emails per page of /admin/notifications. */
export const NOTIFICATIONS_PAGE_SIZE = 25;

const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: 'New action',
  due_soon: 'Deadline reminder',
  overdue: 'Overdue reminder',
  escalation: 'Overdue, to line manager',
  admin_escalation: 'Overdue, to admins',
  digest: 'Weekly summary',
  deadline_changed: 'Deadline moved by someone else',
};

function row(notification: NotificationView) {
  return {
    id: notification.id,
    kind: KIND_LABELS[notification.kind],
    action: notification.action,
    dueOn: notification.dueOn ? longDate(notification.dueOn) : null,
    recipient: notification.recipient,
    attempts: notification.attempts,
    lastError: notification.lastError ?? 'No error recorded',
    createdAt: dateTime(notification.createdAt),
  };
}

/** One page of failed emails, with an error summary when a retry was refused. */
export function failedEmailsPage(
  { items, total }: { items: NotificationView[]; total: number },
  page: number,
  errors: ErrorLink[] = [],
): PageLocals {
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  return {
    title: 'Failed emails',
    section: 'admin',
    errors,
    total,
    notifications: items.map(row),
    pagination: pagination('/admin/notifications', {}, page, pages),
    from: total === 0 ? 0 : (page - 1) * NOTIFICATIONS_PAGE_SIZE + 1,
    to: Math.min(total, page * NOTIFICATIONS_PAGE_SIZE),
  };
}
