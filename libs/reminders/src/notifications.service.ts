import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationKind, NotificationStatus } from './notification-kinds';
import { RemindersQueue } from './reminders-queue';

export interface NotificationFilters {
  status?: NotificationStatus;
  kind?: NotificationKind;
  actionId?: string;
  page: number;
  pageSize: number;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  moment: string;
  dueOn: string | null;
  action: { id: string; reference: string; title: string } | null;
  recipient: { id: string; name: string; email: string };
  attempts: number;
  lastError: string | null;
  reason: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  moment: string;
  dueOn: string | null;
  actionId: string | null;
  actionReference: string | null;
  actionTitle: string | null;
  recipientId: string;
  recipientName: string;
  recipientEmail: string;
  attempts: number;
  lastError: string | null;
  reason: string | null;
  createdAt: Date;
  sentAt: Date | null;
  total: string;
}

/** The columns of a NotificationView (with notifications n, users u and actions a joined). */
const SELECT_VIEW = `SELECT n.id, n.kind, n.status, n.moment, n.due_on::text AS "dueOn",
       n.action_id AS "actionId", a.reference AS "actionReference", a.title AS "actionTitle",
       u.id AS "recipientId", u.name AS "recipientName", u.email AS "recipientEmail",
       n.attempts, n.last_error AS "lastError", n.reason, n.created_at AS "createdAt",
       n.sent_at AS "sentAt"`;

/** What the API shows and does about notifications: the record, a retry, a re-plan. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: RemindersQueue,
  ) {}

  async list(
    councilId: string,
    filters: NotificationFilters,
  ): Promise<{ items: NotificationView[]; total: number }> {
    const rows = await this.dataSource.query<NotificationRow[]>(
      `${SELECT_VIEW}, count(*) OVER () AS total
         FROM notifications n
         JOIN users u ON u.id = n.recipient_id
         LEFT JOIN actions a ON a.id = n.action_id
        WHERE n.council_id = $1
          AND ($2::text IS NULL OR n.status = $2)
          AND ($3::text IS NULL OR n.kind = $3)
          AND ($4::uuid IS NULL OR n.action_id = $4)
        ORDER BY n.created_at DESC, n.id
        LIMIT $5 OFFSET $6`,
      [
        councilId,
        filters.status ?? null,
        filters.kind ?? null,
        filters.actionId ?? null,
        filters.pageSize,
        (filters.page - 1) * filters.pageSize,
      ],
    );
    return { items: rows.map(toView), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** A failed email goes back on the queue with fresh attempts (with the others of its batch). */
  async retry(councilId: string, id: string): Promise<NotificationView> {
    const batchKey = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query<Array<{ status: NotificationStatus; batch_key: string }>>(
        `SELECT status, batch_key FROM notifications WHERE id = $1 AND council_id = $2 FOR UPDATE`,
        [id, councilId],
      );
      if (!row) throw new NotFoundException('Notification not found');
      if (row.status !== 'failed') {
        throw new ConflictException(
          `Only a failed notification can be retried; this one is ${row.status}`,
        );
      }
      await em.query(
        `UPDATE notifications SET status = 'pending', attempts = 0, updated_at = now()
          WHERE batch_key = $1 AND status = 'failed'`,
        [row.batch_key],
      );
      return row.batch_key;
    });
    // If Redis is down this throws after the row is pending again: the next sweep sends it.
    await this.queue.redeliver(batchKey);
    return this.get(councilId, id);
  }

  async get(councilId: string, id: string): Promise<NotificationView> {
    const rows = await this.dataSource.query<NotificationRow[]>(
      `${SELECT_VIEW}, 1 AS total
         FROM notifications n
         JOIN users u ON u.id = n.recipient_id
         LEFT JOIN actions a ON a.id = n.action_id
        WHERE n.council_id = $1 AND n.id = $2`,
      [councilId, id],
    );
    const [row] = rows;
    if (row === undefined) throw new NotFoundException('Notification not found');
    return toView(row);
  }

  /** After a council changes its reminder settings, every action is planned again. */
  async replanCouncil(councilId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_schedule SET check_at = '-infinity' WHERE council_id = $1`,
      [councilId],
    );
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    moment: row.moment,
    dueOn: row.dueOn,
    action:
      row.actionId && row.actionReference && row.actionTitle !== null
        ? { id: row.actionId, reference: row.actionReference, title: row.actionTitle }
        : null,
    recipient: { id: row.recipientId, name: row.recipientName, email: row.recipientEmail },
    attempts: row.attempts,
    lastError: row.lastError,
    reason: row.reason,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
