import { actionHeadlinesOf } from '@app/actions';
import { contactsOf } from '@app/people';
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
  recipientId: string;
  attempts: number;
  lastError: string | null;
  reason: string | null;
  createdAt: Date;
  sentAt: Date | null;
  total: string;
}

/** The notifications' own columns of a NotificationView; people and actions are read after. */
const SELECT_VIEW = `SELECT n.id, n.kind, n.status, n.moment, n.due_on::text AS "dueOn",
       n.action_id AS "actionId", n.recipient_id AS "recipientId",
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
    return { items: await this.views(rows), total: rows[0] ? Number(rows[0].total) : 0 };
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
        WHERE n.council_id = $1 AND n.id = $2`,
      [councilId, id],
    );
    const [view] = await this.views(rows);
    if (view === undefined) throw new NotFoundException('Notification not found');
    return view;
  }

  /** The rows with their recipients and actions, read from the libraries that own them. */
  private async views(rows: readonly NotificationRow[]): Promise<NotificationView[]> {
    const [people, actions] = await Promise.all([
      contactsOf(
        this.dataSource,
        rows.map((row) => row.recipientId),
      ),
      actionHeadlinesOf(
        this.dataSource,
        rows.flatMap((row) => (row.actionId ? [row.actionId] : [])),
      ),
    ]);
    return rows.map((row) => toView(row, people, actions));
  }

  /** After a council changes its reminder settings, every action is planned again. */
  async replanCouncil(councilId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_schedule SET check_at = '-infinity' WHERE council_id = $1`,
      [councilId],
    );
  }
}

function toView(
  row: NotificationRow,
  people: ReadonlyMap<string, { name: string; email: string }>,
  actions: ReadonlyMap<string, { reference: string; title: string }>,
): NotificationView {
  const action = row.actionId ? actions.get(row.actionId) : undefined;
  // Recipients are kept by a foreign key, so one is always found.
  const recipient = people.get(row.recipientId) ?? { name: '', email: '' };
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    moment: row.moment,
    dueOn: row.dueOn,
    action: row.actionId && action ? { id: row.actionId, ...action } : null,
    recipient: { id: row.recipientId, ...recipient },
    attempts: row.attempts,
    lastError: row.lastError,
    reason: row.reason,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}
