import { Clock, londonDateOf } from '@app/common';
import { remindersConfig, type RemindersConfig } from '@app/config';
import type { EmailPreference, NotificationSettings } from '@app/councils';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import { REMINDED_STATUSES } from '../notification-kinds';
import { RemindersQueue } from '../reminders-queue';
import {
  digestMoment,
  type OwedMoment,
  planAction,
  type ReminderPolicy,
  resolvePolicy,
  shiftDate,
} from '../schedule';
import { addressPlan, isSharedBatch, type Person } from './recipients';

/** Actions looked at per transaction: big enough to amortise round trips, small enough to keep locks short. */
const BATCH_SIZE = 500;
/** What a digest lists besides overdue actions: those due within this many days. */
export const DIGEST_WINDOW_DAYS = 14;

interface DueRow {
  actionId: string;
  councilId: string;
  assignmentSeq: number;
  status: string;
  ownerId: string | null;
  dueOn: string | null;
  ownerPreference: EmailPreference | null;
  ownerDisabled: boolean;
  managerId: string | null;
  managerPreference: EmailPreference | null;
  managerDisabled: boolean;
}

export interface SweepResult {
  /** Actions looked at. */
  checked: number;
  /** Notifications newly owed (reminders, escalations, digests). */
  created: number;
  /** Batches put (back) on the mail queue. */
  enqueued: number;
}

/**
 * Works out what is owed and records it in Postgres, then queues every pending email. Safe to
 * run from several workers at once (rows are claimed with SKIP LOCKED) and as often as wanted
 * (a notification's unique key makes recording it twice a no-op). Nothing depends on what is
 * in Redis: after a FLUSHALL the next sweep queues every pending email again.
 */
@Injectable()
export class ReminderSweeper {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(remindersConfig.KEY) private readonly config: RemindersConfig,
    private readonly queue: RemindersQueue,
    @InjectPinoLogger(ReminderSweeper.name) private readonly logger: PinoLogger,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    let checked = 0;
    let created = 0;
    for (;;) {
      const batch = await this.checkDue(now);
      checked += batch.checked;
      created += batch.created;
      if (batch.checked < BATCH_SIZE) break;
    }
    created += await this.recordDigests(now);
    const enqueued = await this.enqueuePending(now);
    if (checked + created + enqueued > 0) {
      this.logger.info({ checked, created, enqueued }, 'Reminder sweep');
    }
    return { checked, created, enqueued };
  }

  /**
   * One action, now: after the API changed it, so an assignment email need not wait. An
   * escalation it makes owed waits for the next sweep, which sends each manager one email for
   * all of the day's actions rather than one per change.
   */
  async checkAction(actionId: string): Promise<void> {
    const now = this.clock.now();
    const { batchKeys } = await this.checkDue(now, actionId);
    await this.queue.deliver(batchKeys.filter((key) => !isSharedBatch(key)));
  }

  private checkDue(
    now: Date,
    actionId?: string,
  ): Promise<{ checked: number; created: number; batchKeys: string[] }> {
    return this.dataSource.transaction(async (em) => {
      // Rows an API request is changing right now are skipped, not waited for: the request's
      // own trigger marks them to be looked at again, and waiting could deadlock with it.
      const rows = await em.query<DueRow[]>(
        `SELECT s.action_id AS "actionId", a.council_id AS "councilId",
                s.assignment_seq AS "assignmentSeq", a.status, a.owner_id AS "ownerId",
                a.due_on::text AS "dueOn",
                o.email_preference AS "ownerPreference",
                (o.disabled_at IS NOT NULL) AS "ownerDisabled",
                m.id AS "managerId", m.email_preference AS "managerPreference",
                (m.disabled_at IS NOT NULL) AS "managerDisabled"
           FROM reminder_schedule s
           JOIN actions a ON a.id = s.action_id
           LEFT JOIN users o ON o.id = a.owner_id
           LEFT JOIN users m ON m.id = o.line_manager_id
          WHERE s.check_at <= $1 AND ($3::uuid IS NULL OR s.action_id = $3)
          ORDER BY s.check_at
          LIMIT $2
            FOR UPDATE OF s SKIP LOCKED
            FOR KEY SHARE OF a SKIP LOCKED`,
        [now, BATCH_SIZE, actionId ?? null],
      );
      if (rows.length === 0) return { checked: 0, created: 0, batchKeys: [] };

      const councils = await this.councilsOf(em, rows);
      const assignments = await this.assignmentsOf(em, rows);
      const today = londonDateOf(now);
      const inserts: NotificationInsert[] = [];
      const next: Array<{ actionId: string; at: Date | null }> = [];
      for (const row of rows) {
        const council = councils.get(row.councilId);
        if (!council) continue;
        const plan = planAction(
          {
            status: row.status,
            ownerId: row.ownerId,
            dueOn: row.dueOn,
            assignmentSeq: row.assignmentSeq,
          },
          council.policy,
          now,
        );
        const at = nextCheck(plan.nextCheckAt, now);
        next.push({ actionId: row.actionId, at });
        if (plan.owed.length === 0 || !row.ownerId) continue;

        const owner: Person = {
          id: row.ownerId,
          emailPreference: row.ownerPreference ?? 'every',
          disabled: row.ownerDisabled,
        };
        const lineManager: Person | null =
          row.managerId && !row.managerDisabled
            ? {
                id: row.managerId,
                emailPreference: row.managerPreference ?? 'every',
                disabled: false,
              }
            : null;
        const addressed = addressPlan(
          plan.owed.map((moment) => moment.kind),
          { owner, lineManager, admins: council.admins },
          today,
        );
        const assignedOn = assignedDate(plan.owed, assignments.get(row.actionId), row.ownerId, now);
        for (const item of addressed) {
          const moment = plan.owed.find((owed) => owed.kind === item.kind);
          if (!moment) continue;
          const id = randomUUID();
          // A reminder the owner missed before they were given the action is recorded but not
          // sent: the assignment email told them the deadline, a second email would be noise.
          const covered =
            OWNER_REMINDERS.has(item.kind) && assignedOn !== null && assignedOn >= moment.sendDate;
          inserts.push({
            id,
            councilId: row.councilId,
            actionId: row.actionId,
            kind: item.kind,
            moment: moment.moment,
            // An assignment is about the person, not the deadline: moving the deadline must
            // not make it owed again.
            dueOn: item.kind === 'assigned' ? null : moment.dueOn,
            recipientId: item.recipientId,
            batchKey: item.batchKey ?? id,
            status: covered ? 'cancelled' : 'pending',
            reason: covered ? 'covered by the assignment email' : null,
          });
        }
      }

      const batchKeys = await this.insertNotifications(em, inserts, now);
      await em.query(
        `UPDATE reminder_schedule s SET check_at = v.at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(action_id, at)
          WHERE s.action_id = v.action_id`,
        [next.map((item) => item.actionId), next.map((item) => item.at)],
      );
      return {
        checked: rows.length,
        created: batchKeys.length,
        batchKeys: [...new Set(batchKeys)],
      };
    });
  }

  /** The assignment emails recorded for these actions: moment, recipient and when. */
  private async assignmentsOf(
    em: EntityManager,
    rows: readonly DueRow[],
  ): Promise<Map<string, AssignmentRecord[]>> {
    const found = await em.query<Array<AssignmentRecord & { actionId: string }>>(
      `SELECT action_id AS "actionId", moment, recipient_id AS "recipientId", send_after AS at
         FROM notifications
        WHERE kind = 'assigned' AND action_id = ANY($1)`,
      [rows.map((row) => row.actionId)],
    );
    const byAction = new Map<string, AssignmentRecord[]>();
    for (const record of found) {
      byAction.set(record.actionId, [...(byAction.get(record.actionId) ?? []), record]);
    }
    return byAction;
  }

  private async councilsOf(
    em: EntityManager,
    rows: readonly DueRow[],
  ): Promise<Map<string, { policy: ReminderPolicy; admins: Person[] }>> {
    const ids = [...new Set(rows.map((row) => row.councilId))];
    const councils = await em.query<Array<{ id: string; settings: NotificationSettings }>>(
      `SELECT id, notification_settings AS settings FROM councils WHERE id = ANY($1)`,
      [ids],
    );
    const admins = await em.query<
      Array<{ id: string; councilId: string; emailPreference: EmailPreference }>
    >(
      `SELECT id, council_id AS "councilId", email_preference AS "emailPreference"
         FROM users
        WHERE council_id = ANY($1) AND role = 'admin' AND disabled_at IS NULL
        ORDER BY created_at, id`,
      [ids],
    );
    return new Map(
      councils.map((council) => [
        council.id,
        {
          policy: resolvePolicy(council.settings, this.config),
          admins: admins
            .filter((admin) => admin.councilId === council.id)
            .map((admin) => ({
              id: admin.id,
              emailPreference: admin.emailPreference,
              disabled: false,
            })),
        },
      ]),
    );
  }

  /** Records what is owed; returns the batch keys of rows that were new. */
  private async insertNotifications(
    em: EntityManager,
    rows: readonly NotificationInsert[],
    now: Date,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await em.query<Array<{ batch_key: string; status: string }>>(
      `INSERT INTO notifications
         (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key, status,
          reason, send_after)
       SELECT v.*, $11::timestamptz
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[],
                     $7::uuid[], $8::text[], $9::text[], $10::text[]) AS v
       ON CONFLICT DO NOTHING
       RETURNING batch_key, status`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.councilId),
        rows.map((row) => row.actionId),
        rows.map((row) => row.kind),
        rows.map((row) => row.moment),
        rows.map((row) => row.dueOn),
        rows.map((row) => row.recipientId),
        rows.map((row) => row.batchKey),
        rows.map((row) => row.status),
        rows.map((row) => row.reason),
        now,
      ],
    );
    return inserted.filter((row) => row.status === 'pending').map((row) => row.batch_key);
  }

  /**
   * The weekly digest for each manager and admin, and for anyone who chose digest-only, who
   * has something to read: their own or their direct reports' live actions that are overdue or
   * due within DIGEST_WINDOW_DAYS. Owed from the digest day until the week ends, once.
   */
  private async recordDigests(now: Date): Promise<number> {
    const councils = await this.dataSource.query<
      Array<{ id: string; settings: NotificationSettings }>
    >(`SELECT id, notification_settings AS settings FROM councils ORDER BY id`);
    const horizon = shiftDate(londonDateOf(now), DIGEST_WINDOW_DAYS);
    let created = 0;
    for (const council of councils) {
      const digest = digestMoment(now, resolvePolicy(council.settings, this.config));
      if (!digest.due) continue;
      const inserted = await this.dataSource.query<unknown[]>(
        `INSERT INTO notifications
           (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key, send_after)
         SELECT g.id, $1, NULL, 'digest', $2, NULL, g.user_id, g.id::text, $3
           FROM (SELECT gen_random_uuid() AS id, u.id AS user_id
                   FROM users u
                  WHERE u.council_id = $1 AND u.disabled_at IS NULL
                    AND (u.role IN ('manager', 'admin') OR u.email_preference = 'digest')
                    AND EXISTS (
                          SELECT 1 FROM actions a JOIN users o ON o.id = a.owner_id
                           WHERE a.council_id = $1 AND a.status = ANY($5)
                             AND (o.id = u.id OR o.line_manager_id = u.id)
                             AND a.due_on <= $4)) g
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [council.id, digest.moment, now, horizon, [...REMINDED_STATUSES]],
      );
      created += inserted.length;
    }
    return created;
  }

  /** Every pending batch back on the queue: in-flight ones are deduplicated by job id. */
  private async enqueuePending(now: Date): Promise<number> {
    const pending = await this.dataSource.query<Array<{ batch_key: string }>>(
      `SELECT DISTINCT batch_key FROM notifications WHERE status = 'pending' AND send_after <= $1`,
      [now],
    );
    await this.queue.deliver(pending.map((row) => row.batch_key));
    return pending.length;
  }
}

const RECHECK_AFTER_MS = 60 * 60 * 1000;

/**
 * When to look at an action again. A time at or before now would have the sweep pick it up
 * forever, and null would silence it for good, so a plan that says either by mistake is looked
 * at again in an hour.
 */
function nextCheck(planned: Date | null, now: Date): Date | null {
  if (planned === null || planned > now) return planned;
  return new Date(now.getTime() + RECHECK_AFTER_MS);
}
const OWNER_REMINDERS: ReadonlySet<string> = new Set(['due_soon', 'overdue']);

interface AssignmentRecord {
  moment: string;
  recipientId: string;
  at: Date;
}

/**
 * The London date the current owner was (or is about to be) emailed about their assignment:
 * today if this plan owes an assignment email not yet recorded, else the latest recorded one.
 */
function assignedDate(
  owed: readonly OwedMoment[],
  records: readonly AssignmentRecord[] = [],
  ownerId: string | null,
  now: Date,
): string | null {
  const mine = records.filter((record) => record.recipientId === ownerId);
  const assignment = owed.find((moment) => moment.kind === 'assigned');
  if (assignment && !mine.some((record) => record.moment === assignment.moment)) {
    return londonDateOf(now);
  }
  const latest = mine.reduce<Date | null>(
    (max, record) => (max === null || record.at > max ? record.at : max),
    null,
  );
  return latest ? londonDateOf(latest) : null;
}

interface NotificationInsert {
  id: string;
  councilId: string;
  actionId: string;
  kind: string;
  moment: string;
  dueOn: string | null;
  recipientId: string;
  batchKey: string;
  status: 'pending' | 'cancelled';
  reason: string | null;
}
