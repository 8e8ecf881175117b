import { Clock, londonDateOf } from '@app/common';
import { mailConfig, type MailConfig, remindersConfig, type RemindersConfig } from '@app/config';
import { actionsDueForTeam, deadlineRevisionOf, lastAssignmentOf } from '@app/actions';
import { actionMailFacts, type ActionMailFacts } from '@app/inspections';
import { mailRecipient, type MailRecipient } from '@app/people';
import {
  type ActionMailItem,
  Mailer,
  type MailMessageInput,
  type MailRag,
  renderMail,
} from '@app/mail';
import { RagCorrections, type RatedAction } from '@app/measures';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '../notification-kinds';
import { REMINDED_STATUSES } from '../notification-kinds';
import { daysBetween, resolvePolicy, shiftDate } from '../schedule';
import { DIGEST_WINDOW_DAYS } from '../sweep/reminder-sweeper';
import { noLongerOwed } from './still-owed';

interface PendingRow {
  id: string;
  councilId: string;
  actionId: string | null;
  kind: NotificationKind;
  moment: string;
  dueOn: string | null;
  recipientId: string;
  attempts: number;
}

export type DeliveryOutcome =
  | { outcome: 'sent'; notifications: number; messageId: string }
  | { outcome: 'nothing-to-send'; cancelled: number }
  | { outcome: 'retry'; error: Error }
  | { outcome: 'failed'; error: Error };

/**
 * Sends one batch of pending notifications as one email. The rows stay locked
 * (`FOR UPDATE SKIP LOCKED`) from the moment they are read until they are marked sent, in one
 * transaction around the SMTP conversation: if the worker dies mid-send, the connection drops,
 * the transaction rolls back and the rows are pending again for the next attempt; while it is
 * alive, no other worker can pick them up. The one window left is between the SMTP server's
 * "250 OK" and our COMMIT (see the README): a crash exactly there sends the email twice. The
 * rows are marked sent before the conversation, so that window holds no round trip.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
    @Inject(remindersConfig.KEY) private readonly reminders: RemindersConfig,
    @InjectPinoLogger(DeliveryService.name) private readonly logger: PinoLogger,
    private readonly rags: RagCorrections,
  ) {}

  async deliver(batchKey: string): Promise<DeliveryOutcome> {
    const outcome = await this.dataSource.transaction((em) => this.deliverLocked(em, batchKey));
    if (outcome.outcome === 'sent') {
      this.logger.info(
        { batchKey, messageId: outcome.messageId, notifications: outcome.notifications },
        'Email sent',
      );
    } else if (outcome.outcome !== 'nothing-to-send') {
      this.logger.warn(
        { batchKey, outcome: outcome.outcome, err: outcome.error },
        'Email not sent',
      );
    }
    return outcome;
  }

  private async deliverLocked(em: EntityManager, batchKey: string): Promise<DeliveryOutcome> {
    const rows = await em.query<PendingRow[]>(
      `SELECT id, council_id AS "councilId", action_id AS "actionId", kind, moment,
              due_on::text AS "dueOn", recipient_id AS "recipientId", attempts
         FROM notifications
        WHERE batch_key = $1 AND status = 'pending'
        ORDER BY created_at, id
          FOR UPDATE SKIP LOCKED`,
      [batchKey],
    );
    const [first] = rows;
    if (first === undefined) return { outcome: 'nothing-to-send', cancelled: 0 };

    const recipient = await mailRecipient(em, first.recipientId);
    const actions = await actionMailFacts(
      em,
      rows.flatMap((row) => (row.actionId ? [row.actionId] : [])),
    );

    const owed: PendingRow[] = [];
    const cancelled: Array<{ id: string; reason: string }> = [];
    for (const row of rows) {
      const action = row.actionId ? (actions.get(row.actionId) ?? null) : null;
      const reason = noLongerOwed(row, action, recipient ?? null);
      if (reason) cancelled.push({ id: row.id, reason });
      else owed.push(row);
    }

    const today = londonDateOf(this.clock.now());
    const input =
      recipient && owed.length > 0
        ? await this.messageFor(em, owed, actions, recipient, today)
        : null;
    if (!recipient || !input) {
      for (const row of owed) cancelled.push({ id: row.id, reason: 'nothing to report' });
      await this.cancel(em, cancelled);
      return { outcome: 'nothing-to-send', cancelled: cancelled.length };
    }
    await this.cancel(em, cancelled);

    const ids = owed.map((row) => row.id);
    // What an email about one action said the deadline was: a later reminder is skipped as
    // covered by it only if it gave the same one.
    const sole = owed.length === 1 ? owed[0] : undefined;
    const single = sole?.actionId ? actions.get(sole.actionId) : null;
    const statedDueOn = single?.dueOn ?? null;
    const attempt = Math.max(...owed.map((row) => row.attempts)) + 1;
    const mail = renderMail(input, {
      councilName: recipient.councilName,
      appUrl: this.config.appUrl,
      preferencesUrl: `${this.config.appUrl}/settings`,
    });
    // The same id on every attempt: a mail system that got it twice can tell.
    const messageId = `<${batchKey}@followthrough>`;
    // Marked sent before the SMTP conversation, in this same uncommitted transaction, so that
    // once the server answers 250 only our COMMIT is left to send. A crash between the two is
    // the one way an email goes twice; this leaves it the time of one event-loop turn instead
    // of two more round trips to Postgres. A failed send undoes the mark below.
    await em.query(
      `UPDATE notifications
          SET status = 'sent', sent_at = $2, attempts = $3, message_id = $4, last_error = NULL,
              stated_due_on = $5, updated_at = now()
        WHERE id = ANY($1)`,
      [ids, this.clock.now(), attempt, messageId, statedDueOn],
    );
    try {
      await this.mailer.send({
        to: { name: recipient.name, email: recipient.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
      });
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const final = attempt >= this.config.attempts;
      await em.query(
        `UPDATE notifications
            SET attempts = $2, last_error = $3, status = $4, sent_at = NULL, message_id = NULL,
                stated_due_on = NULL, updated_at = now()
          WHERE id = ANY($1)`,
        [ids, attempt, error.message.slice(0, 1000), final ? 'failed' : 'pending'],
      );
      return { outcome: final ? 'failed' : 'retry', error };
    }
    return { outcome: 'sent', notifications: ids.length, messageId };
  }

  private async messageFor(
    em: EntityManager,
    owed: readonly PendingRow[],
    actions: ReadonlyMap<string, ActionMailFacts>,
    recipient: MailRecipient,
    today: string,
  ): Promise<MailMessageInput | null> {
    const rags = await this.rags.forActions(
      recipient.councilId,
      owed.flatMap((row) => (row.actionId ? [row.actionId] : [])),
      today,
    );
    const items = owed.flatMap((row) => {
      const action = row.actionId ? actions.get(row.actionId) : undefined;
      return action ? [this.item(action, today, rags.get(action.id))] : [];
    });
    const [first] = owed;
    if (first === undefined) return null;
    const { kind } = first;
    const recipientName = recipient.name;
    const [item] = items;
    switch (kind) {
      // One action each; noLongerOwed has already cancelled a row whose action is gone.
      case 'assigned':
        if (!item) return null;
        return {
          kind,
          recipientName,
          item,
          assignedByName: first.actionId
            ? await this.assignedBy(em, first.actionId, recipient.id)
            : null,
        };
      case 'due_soon':
      case 'overdue':
        return item ? { kind, recipientName, item } : null;
      case 'deadline_changed':
        return item ? this.deadlineChangeFor(em, first, recipientName, item) : null;
      case 'escalation':
        return { kind, recipientName, items: byMostOverdue(items) };
      case 'admin_escalation':
        return {
          kind,
          recipientName,
          items: byMostOverdue(items),
          afterDays:
            resolvePolicy(recipient.councilSettings, this.reminders).escalateToAdminsAfterDays ?? 0,
        };
      case 'digest':
        return this.digestFor(em, recipient, today);
    }
  }

  /** The revision the row is about (moment `r<revision id>`): who moved it, from when, why. */
  private async deadlineChangeFor(
    em: EntityManager,
    row: PendingRow,
    recipientName: string,
    item: ActionMailItem | undefined,
  ): Promise<MailMessageInput | null> {
    if (!item || !row.moment.startsWith('r')) return null;
    if (!row.actionId) return null;
    const revision = await deadlineRevisionOf(em, row.actionId, row.moment.slice(1));
    if (!revision) return null;
    return { kind: 'deadline_changed', recipientName, item, ...revision };
  }

  /**
   * Who gave the recipient this action, by the audit log: the latest entry that made them its
   * owner. Null when they took it themselves or nobody is recorded (an import).
   */
  private async assignedBy(
    em: EntityManager,
    actionId: string,
    recipientId: string,
  ): Promise<string | null> {
    const latest = await lastAssignmentOf(em, actionId, recipientId);
    if (!latest || latest.actorId === recipientId) return null;
    return latest.name;
  }

  /** The recipient's and their direct reports' live actions: overdue, and due within the window. */
  private async digestFor(
    em: EntityManager,
    recipient: MailRecipient,
    today: string,
  ): Promise<MailMessageInput | null> {
    const ids = await actionsDueForTeam(
      em,
      { councilId: recipient.councilId, personId: recipient.id },
      REMINDED_STATUSES,
      shiftDate(today, DIGEST_WINDOW_DAYS),
    );
    const [actions, rags] = await Promise.all([
      actionMailFacts(em, ids),
      this.rags.forActions(recipient.councilId, ids, today),
    ]);
    const items = [...actions.values()].map((action) =>
      this.item(action, today, rags.get(action.id)),
    );
    if (items.length === 0) return null;
    return {
      kind: 'digest',
      recipientName: recipient.name,
      overdue: byMostOverdue(items.filter((item) => item.daysLeft < 0)),
      dueSoon: items.filter((item) => item.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft),
      windowDays: DIGEST_WINDOW_DAYS,
    };
  }

  private item(action: ActionMailFacts, today: string, rated?: RatedAction): ActionMailItem {
    return {
      actionId: action.id,
      reference: action.reference,
      title: action.title,
      recommendation: action.recommendation,
      inspectionTitle: action.inspectionTitle ?? action.inspectionReference,
      dueOn: action.dueOn ?? today,
      daysLeft: action.dueOn ? daysBetween(today, action.dueOn) : 0,
      successMeasure: action.successMeasure,
      ownerName: action.ownerName,
      status: action.status,
      rag: mailRagOf(rated),
    };
  }

  private async cancel(
    em: EntityManager,
    rows: ReadonlyArray<{ id: string; reason: string }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `UPDATE notifications n SET status = 'cancelled', reason = v.reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, reason)
        WHERE n.id = v.id`,
      [rows.map((row) => row.id), rows.map((row) => row.reason)],
    );
  }
}

function byMostOverdue(items: ActionMailItem[]): ActionMailItem[] {
  return [...items].sort(
    (a, b) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference),
  );
}

/** An action's rating in an email's words; none for a cancelled action (not rated). */
function mailRagOf(rated: RatedAction | undefined): MailRag | null {
  if (!rated?.rag) return null;
  return {
    rag: rated.rag,
    reason: rated.computed.reason,
    override:
      rated.overrideReason === null
        ? null
        : { computed: rated.computed.rag, reason: rated.overrideReason },
  };
}
