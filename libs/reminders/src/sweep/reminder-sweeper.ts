import { Clock, londonDateOf } from '@app/common';
import { remindersConfig, type RemindersConfig } from '@app/config';
import { lockReminderFactsOf, type ReminderFacts, teamActionsDueSql } from '@app/actions';
import {
  activeAdminsOf,
  councilSettingsOf,
  digestReadersSql,
  type NotificationSettings,
  peopleToRemindOf,
  type PersonToRemind,
} from '@app/people';
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

/** An action whose schedule came due, with what its emails are planned from. */
interface DueRow extends ReminderFacts {
  actionId: string;
  assignmentSeq: number;
  /** The owner as the reminders address them; undefined without an owner. */
  owner: PersonToRemind | undefined;
}

export interface SweepResult {
  /** Actions looked at. */
  checked: number;
  /** Notifications newly owed (reminders, escalations, digests). */
  created: number;
  /** Batches put (back) on the mail queue. */
  enqueued: number;
  /** Actions whose check failed: logged with their id and looked at again a day later. */
  skipped: number;
}

/** An action left out of this check, and why. */
interface SkippedAction {
  actionId: string;
  councilId: string;
  error: unknown;
}

/** One action's check worked out: what it owes and when to look at it again. */
interface PlannedAction {
  actionId: string;
  councilId: string;
  at: Date | null;
  inserts: NotificationInsert[];
}

/** A skipped action is looked at again after this long, not at every sweep. */
const SKIPPED_RECHECK_MS = 24 * 60 * 60 * 1000;

/**
 * Works out what is owed and records it in Postgres, then queues every pending email. Safe to
 * run from several workers at once (rows are claimed with SKIP LOCKED) and as often as wanted
 * (a notification's unique key makes recording it twice a no-op). Nothing depends on what is
 * in Redis: after a FLUSHALL the next sweep queues every pending email again.
 *
 * Faults stay with what caused them. An action whose check throws (in planning or in SQL) is
 * skipped, logged with its id, marked in reminder_schedule (GET /health counts such actions)
 * and looked at again a day later, while the rest of its batch is recorded; a council whose
 * digests fail is logged and the other councils' go out; and the checks, the digests and the
 * re-queue each run even when another of them failed.
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
    const result: SweepResult = { checked: 0, created: 0, enqueued: 0, skipped: 0 };
    // Each stage runs whatever became of the one before; the first failure is thrown at the end.
    const failures: unknown[] = [];
    const stage = async (name: string, run: () => Promise<void>): Promise<void> => {
      try {
        await run();
      } catch (error) {
        failures.push(error);
        this.logger.error({ err: error, stage: name }, 'Reminder sweep stage failed');
      }
    };
    await stage('checks', async () => {
      for (;;) {
        const batch = await this.checkDue(now);
        result.checked += batch.checked;
        result.created += batch.created;
        result.skipped += batch.skipped;
        if (batch.claimed < BATCH_SIZE) break;
      }
    });
    await stage('digests', async () => {
      result.created += await this.recordDigests(now);
    });
    await stage('re-queue', async () => {
      result.enqueued = await this.enqueuePending(now);
    });
    if (result.checked + result.created + result.enqueued > 0) {
      this.logger.info(result, 'Reminder sweep');
    }
    if (failures.length > 0) throw failures[0];
    return result;
  }

  /**
   * One action, now: after the API changed it, so an assignment email need not wait. An
   * escalation it makes owed waits for the next sweep, which sends each manager one email for
   * all of the day's actions rather than one per change.
   */
  async checkAction(actionId: string): Promise<void> {
    const now = this.clock.now();
    const { batchKeys } = await this.checkDue(now, actionId);
    // Emails the change itself recorded (a moved deadline's notice to the owner) go now too.
    const recorded = await this.dataSource.query<Array<{ batch_key: string }>>(
      `SELECT DISTINCT batch_key FROM notifications
        WHERE action_id = $1 AND kind = 'deadline_changed' AND status = 'pending'
          AND send_after <= $2`,
      [actionId, now],
    );
    await this.queue.deliver(
      [...new Set([...batchKeys, ...recorded.map((row) => row.batch_key)])].filter(
        (key) => !isSharedBatch(key),
      ),
    );
  }

  private checkDue(
    now: Date,
    actionId?: string,
  ): Promise<{
    claimed: number;
    checked: number;
    created: number;
    skipped: number;
    batchKeys: string[];
  }> {
    return this.dataSource.transaction(async (em) => {
      // Schedule rows another sweep holds are skipped, not waited for.
      const claimed = await em.query<Array<{ actionId: string; assignmentSeq: number }>>(
        `SELECT action_id AS "actionId", assignment_seq AS "assignmentSeq"
           FROM reminder_schedule
          WHERE check_at <= $1 AND ($3::uuid IS NULL OR action_id = $3)
          ORDER BY check_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED`,
        [now, BATCH_SIZE, actionId ?? null],
      );
      const facts = await lockReminderFactsOf(
        em,
        claimed.map((row) => row.actionId),
      );
      const busy = claimed.filter((row) => !facts.has(row.actionId)).map((row) => row.actionId);
      if (busy.length > 0) {
        // An API request is changing these now. Its change marks them to be looked at again
        // (the schedule trigger sets check_at to -infinity); until then, not in this sweep.
        await em.query(`UPDATE reminder_schedule SET check_at = $2 WHERE action_id = ANY($1)`, [
          busy,
          new Date(now.getTime() + 1),
        ]);
      }
      const owners = await peopleToRemindOf(
        em,
        [...facts.values()].flatMap((action) => (action.ownerId ? [action.ownerId] : [])),
      );
      const rows: DueRow[] = claimed.flatMap(({ actionId: id, assignmentSeq }) => {
        const action = facts.get(id);
        if (!action) return [];
        const owner = action.ownerId ? owners.get(action.ownerId) : undefined;
        return [{ actionId: id, assignmentSeq, ...action, owner }];
      });
      if (rows.length === 0) {
        return { claimed: claimed.length, checked: 0, created: 0, skipped: 0, batchKeys: [] };
      }

      const councils = await this.councilsOf(em, rows);
      const assignments = await this.assignmentsOf(em, rows);
      const today = londonDateOf(now);
      const planned: PlannedAction[] = [];
      const skipped: SkippedAction[] = [];
      for (const row of rows) {
        try {
          const council = councils.get(row.councilId);
          if (!council) throw new Error(`Council ${row.councilId} not found`);
          if (council instanceof Error) throw council;
          planned.push(this.planRow(row, council, assignments.get(row.actionId), now, today));
        } catch (error) {
          skipped.push({ actionId: row.actionId, councilId: row.councilId, error });
        }
      }

      const batchKeys = await this.record(em, planned, skipped, now);
      await this.markSkipped(em, skipped, now);
      return {
        claimed: claimed.length,
        checked: rows.length,
        created: batchKeys.length,
        skipped: skipped.length,
        batchKeys: [...new Set(batchKeys)],
      };
    });
  }

  /** What one claimed action owes now, and when to look at it again. Throws on bad data. */
  private planRow(
    row: DueRow,
    council: CouncilRules,
    assignments: readonly AssignmentRecord[] | undefined,
    now: Date,
    today: string,
  ): PlannedAction {
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
    const planned: PlannedAction = {
      actionId: row.actionId,
      councilId: row.councilId,
      at: nextCheck(plan.nextCheckAt, now),
      inserts: [],
    };
    if (plan.owed.length === 0 || !row.ownerId) return planned;

    const owner: Person = {
      id: row.ownerId,
      emailPreference: row.owner?.emailPreference ?? 'every',
      disabled: row.owner?.disabled ?? false,
    };
    const manager = row.owner?.lineManager;
    const lineManager: Person | null = manager && !manager.disabled ? manager : null;
    const addressed = addressPlan(
      plan.owed.map((moment) => moment.kind),
      { owner, lineManager, admins: council.admins, partner: row.owner?.partner ?? null },
      today,
    );
    for (const item of addressed) {
      const moment = plan.owed.find((owed) => owed.kind === item.kind);
      if (!moment) continue;
      const id = randomUUID();
      // A reminder the owner missed before they were given the action is recorded but not
      // sent: the assignment email told them the deadline, a second email would be noise.
      const covered =
        OWNER_REMINDERS.has(item.kind) &&
        coveredByAssignment(moment, plan.owed, assignments, row.ownerId);
      planned.inserts.push({
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
    return planned;
  }

  /**
   * Records what the planned actions owe and when each is looked at next; returns the batch
   * keys of new pending rows. All at once, inside a savepoint; if Postgres refuses that, one
   * action at a time, so the one it refuses joins `skipped` and the others are kept.
   */
  private async record(
    em: EntityManager,
    planned: readonly PlannedAction[],
    skipped: SkippedAction[],
    now: Date,
  ): Promise<string[]> {
    if (planned.length === 0) return [];
    try {
      return await withSavepoint(em, 'sweep_batch', () => this.recordMany(em, planned, now));
    } catch {
      const batchKeys: string[] = [];
      for (const action of planned) {
        try {
          batchKeys.push(
            ...(await withSavepoint(em, 'sweep_action', () => this.recordMany(em, [action], now))),
          );
        } catch (error) {
          skipped.push({ actionId: action.actionId, councilId: action.councilId, error });
        }
      }
      return batchKeys;
    }
  }

  private async recordMany(
    em: EntityManager,
    planned: readonly PlannedAction[],
    now: Date,
  ): Promise<string[]> {
    const batchKeys = await this.insertNotifications(
      em,
      planned.flatMap((action) => action.inserts),
      now,
    );
    // A check that worked clears an earlier skip.
    await em.query(
      `UPDATE reminder_schedule s
          SET check_at = v.at, skipped_at = NULL, skip_error = NULL, skips = 0
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(action_id, at)
        WHERE s.action_id = v.action_id`,
      [planned.map((action) => action.actionId), planned.map((action) => action.at)],
    );
    return batchKeys;
  }

  /**
   * Logs each skipped action with its id, marks it (GET /health counts these) and puts its next
   * check a day out: looked at again at every sweep, it would be claimed and fail in a loop.
   * A change to the action (a new deadline) brings its check forward, by the table's trigger.
   */
  private async markSkipped(
    em: EntityManager,
    skipped: readonly SkippedAction[],
    now: Date,
  ): Promise<void> {
    if (skipped.length === 0) return;
    for (const { actionId, councilId, error } of skipped) {
      this.logger.error(
        { err: error, actionId, councilId },
        'Reminder check skipped: this action is looked at again in a day',
      );
    }
    await em.query(
      `UPDATE reminder_schedule s
          SET check_at = $3, skipped_at = $2, skip_error = v.error, skips = s.skips + 1
         FROM unnest($1::uuid[], $4::text[]) AS v(action_id, error)
        WHERE s.action_id = v.action_id`,
      [
        skipped.map((item) => item.actionId),
        now,
        new Date(now.getTime() + SKIPPED_RECHECK_MS),
        skipped.map((item) => errorText(item.error)),
      ],
    );
  }

  /** The assignment emails recorded for these actions: moment, recipient, state and what they said. */
  private async assignmentsOf(
    em: EntityManager,
    rows: readonly DueRow[],
  ): Promise<Map<string, AssignmentRecord[]>> {
    const found = await em.query<Array<AssignmentRecord & { actionId: string }>>(
      `SELECT action_id AS "actionId", moment, recipient_id AS "recipientId", status,
              sent_at AS "sentAt", stated_due_on::text AS "statedDueOn"
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

  /** Each council's reminder rules and admins; an Error in place of a council whose rules fail. */
  private async councilsOf(
    em: EntityManager,
    rows: readonly DueRow[],
  ): Promise<Map<string, CouncilRules | Error>> {
    const ids = [...new Set(rows.map((row) => row.councilId))];
    const councils = await councilSettingsOf(em, ids);
    const admins = await activeAdminsOf(em, ids);
    const rules = (council: {
      id: string;
      settings: NotificationSettings;
    }): CouncilRules | Error => {
      try {
        return {
          policy: resolvePolicy(council.settings, this.config),
          admins: admins
            .filter((admin) => admin.councilId === council.id)
            .map((admin) => ({
              id: admin.id,
              emailPreference: admin.emailPreference,
              disabled: false,
            })),
        };
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    return new Map(councils.map((council) => [council.id, rules(council)]));
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
    const councils = await councilSettingsOf(this.dataSource);
    const horizon = shiftDate(londonDateOf(now), DIGEST_WINDOW_DAYS);
    let created = 0;
    for (const council of councils) {
      try {
        created += await this.recordDigest(council, now, horizon);
      } catch (error) {
        // Each council's digests are one statement of their own: the others still go out.
        this.logger.error({ err: error, councilId: council.id }, 'Weekly digests not recorded');
      }
    }
    return created;
  }

  private async recordDigest(
    council: { id: string; settings: NotificationSettings },
    now: Date,
    horizon: string,
  ): Promise<number> {
    const digest = digestMoment(now, resolvePolicy(council.settings, this.config));
    if (!digest.due) return 0;
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO notifications
           (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key, send_after)
         SELECT g.id, $1, NULL, 'digest', $2, NULL, g.user_id, g.id::text, $3
           FROM (SELECT gen_random_uuid() AS id, r.id AS user_id
                   FROM (${digestReadersSql('$1')}) r
                  WHERE EXISTS (SELECT 1 ${teamActionsDueSql({
                    person: 'r.id',
                    council: '$1',
                    statuses: '$5',
                    dueBy: '$4',
                  })})) g
         ON CONFLICT DO NOTHING
         RETURNING id`,
      [council.id, digest.moment, now, horizon, [...REMINDED_STATUSES]],
    );
    return inserted.length;
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

/** A council's reminder rules and its admins (escalations past the admins' threshold). */
interface CouncilRules {
  policy: ReminderPolicy;
  admins: Person[];
}

/**
 * Runs `work` inside a savepoint: on failure only its own statements are undone and the
 * transaction can go on (an error in Postgres otherwise aborts the whole transaction).
 */
async function withSavepoint<T>(
  em: EntityManager,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  await em.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await em.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await em.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

/** What is kept of an error in reminder_schedule.skip_error: its message, briefly. */
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
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
  status: string;
  sentAt: Date | null;
  /** The deadline the email gave, once sent. */
  statedDueOn: string | null;
}

/**
 * Whether the current owner's assignment email tells them what this reminder would. One owed by
 * this plan or still pending goes with the deadline as it is then, the reminder's own; one
 * already sent covers the reminder only if it stated this very deadline, on or after the day
 * the reminder was due. A deadline moved after the email went is news to the owner.
 */
function coveredByAssignment(
  moment: OwedMoment,
  owed: readonly OwedMoment[],
  records: readonly AssignmentRecord[] = [],
  ownerId: string | null,
): boolean {
  const mine = records.filter((record) => record.recipientId === ownerId);
  const assignment = owed.find((owedMoment) => owedMoment.kind === 'assigned');
  if (assignment && !mine.some((record) => record.moment === assignment.moment)) return true;
  return mine.some(
    (record) =>
      record.status === 'pending' ||
      (record.status === 'sent' &&
        record.sentAt !== null &&
        record.statedDueOn === moment.dueOn &&
        londonDateOf(record.sentAt) >= moment.sendDate),
  );
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
