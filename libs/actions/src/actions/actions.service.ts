import { Clock, dateRangeMessage, isDateInRange, londonDateOf } from '@app/common';
import type { Role } from '@app/people';
import { SqlRunner } from '@app/database';
import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditRecord, AuditLog, diff } from '../audit/audit-log';
import { ActionUpdate } from '../entities/action-update.entity';
import { Action, type ActionStatus } from '../entities/action.entity';
import type { AuditChanges, AuditEvent } from '../entities/audit-entry.entity';
import { DeadlineRevision } from '../entities/deadline-revision.entity';
import { actionsToCsv, EXPORT_MAX_ROWS } from './action-csv';
import { ActionChanged } from './action-changed.event';
import {
  type ActionListFilters,
  type ActionRow,
  buildActionListQuery,
  type PartnerReach,
  DEFAULT_PAGE_SIZE,
  selectActionSql,
} from './action-list.query';
import { type ActionRefusal, badRequest, ownerNotFound } from './action-refusals';
import {
  canSee,
  canTransition,
  illegalTransitionMessage,
  mayAddUpdate,
  missingToLeaveDraft,
  type PatchField,
  patchDenial,
  STATUSES_NEEDING_REASON,
} from './action-rules';
import {
  type ActionDetailView,
  type ActionUpdateView,
  type ActionView,
  type DeadlineRevisionView,
  type PersonView,
  toActionView,
} from './action-view';

/** Who is acting: the principal of the request (structurally the same as @app/auth's). */
export interface ActionActor {
  userId: string;
  councilId: string;
  role: Role;
  /** A partner's organisation (what they see is narrowed to it); absent or null for staff. */
  organisationId?: string | null;
}

/** A partner's reach over the list (undefined for council staff, who see their council's). */
const reachOf = (actor: ActionActor): PartnerReach | undefined =>
  actor.role === 'partner'
    ? { userId: actor.userId, organisationId: actor.organisationId ?? null }
    : undefined;

export interface ActionPage {
  items: ActionView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ActionsCsv {
  csv: string;
  /** Rows matching the filters; more than `rows` when the export was capped. */
  total: number;
  rows: number;
  truncated: boolean;
}

export interface CreateActionInput {
  recommendationId: string;
  title: string;
  description?: string | null;
  successMeasure?: string | null;
  ownerId?: string | null;
  dueOn?: string | null;
}

/** PATCH /actions/:id: a field left undefined is left alone; null clears it. */
export interface ActionPatch {
  title?: string;
  description?: string | null;
  successMeasure?: string | null;
  ownerId?: string | null;
  organisationId?: string | null;
  dueOn?: string | null;
  dueOnReason?: string;
  status?: ActionStatus;
  statusReason?: string;
}

export interface HistoryEntryView {
  /** The audit entry's id (a bigint, as a string); also the order entries were written in. */
  id: string;
  occurredAt: Date;
  event: AuditEvent;
  actor: PersonView | null;
  changes: AuditChanges;
  reason: string | null;
}

const PATCH_FIELDS: readonly PatchField[] = [
  'title',
  'description',
  'successMeasure',
  'ownerId',
  'dueOn',
  'dueOnReason',
  'status',
  'statusReason',
  'organisationId',
];

/** Fields whose changes are logged as 'updated'. */
const EDITABLE = ['title', 'description', 'successMeasure', 'ownerId', 'organisationId'] as const;

interface PersonRow {
  person_id: string;
  person_name: string;
  person_email: string;
}

const person = (row: PersonRow): PersonView => ({
  id: row.person_id,
  name: row.person_name,
  email: row.person_email,
});

/**
 * Actions: listing, export, detail, split, edit, progress and history. Every query is scoped
 * by the caller's council, so another council's id is simply not found. Every change and its
 * audit entries commit in one transaction.
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Reads outside a transaction run as prepared statements (SqlRunner); writes use dataSource.
    private readonly sql: SqlRunner,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  private today(): string {
    return londonDateOf(this.clock.now());
  }

  /**
   * The request DTOs refuse such a date already; this holds the rule (with the injected Clock)
   * for every other caller, the pages included. 400 naming the field, like a DTO refusal.
   */
  private assertBelievableDeadline(dueOn: string | null | undefined): void {
    if (!dueOn || isDateInRange(dueOn, this.today())) return;
    throw new BadRequestException({
      message: dateRangeMessage('dueOn', this.today()),
      details: { field: 'dueOn' },
    });
  }

  /** The actions `actor` may see (a partner: only theirs), filtered. */
  async list(actor: ActionActor, filters: ActionListFilters): Promise<ActionPage> {
    const today = this.today();
    const { sql, countSql, params } = buildActionListQuery(actor.councilId, today, {
      ...filters,
      reach: reachOf(actor),
    });
    // LIMIT and OFFSET are written into the page's SQL (a generic plan with them as parameters
    // is costed so badly that Postgres replans every time), so only first pages, a small set of
    // texts, are prepared.
    const page = filters.page ?? 1;
    const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE;
    const rows = await this.sql.query<ActionRow>(sql, params, { prepare: page === 1 });
    // A first page that is not full is the whole list: no need to count it.
    const total =
      page === 1 && rows.length < pageSize
        ? rows.length
        : ((await this.sql.query<{ total: number }>(countSql, params))[0]?.total ?? 0);
    return {
      items: rows.map((row) => toActionView(row, today)),
      total,
      page,
      pageSize,
    };
  }

  /** The filtered list (every page, up to EXPORT_MAX_ROWS) as CSV. */
  async exportCsv(
    actor: ActionActor,
    filters: Omit<ActionListFilters, 'page' | 'pageSize'>,
  ): Promise<ActionsCsv> {
    const { items, ...counts } = await this.exportList(actor, filters);
    return { csv: actionsToCsv(items), ...counts };
  }

  /**
   * The filtered list for an export (every page, up to EXPORT_MAX_ROWS) and whether it was
   * capped: every CSV export goes through here, so each can say when it was cut short.
   */
  async exportList(
    actor: ActionActor,
    filters: Omit<ActionListFilters, 'page' | 'pageSize'>,
  ): Promise<Omit<ActionsCsv, 'csv'> & { items: ActionView[] }> {
    const today = this.today();
    const { sql, countSql, params } = buildActionListQuery(actor.councilId, today, {
      ...filters,
      reach: reachOf(actor),
      page: 1,
      pageSize: EXPORT_MAX_ROWS,
    });
    const [rows, counted] = await Promise.all([
      this.sql.query<ActionRow>(sql, params, { prepare: false }),
      this.sql.query<{ total: number }>(countSql, params),
    ]);
    const total = counted[0]?.total ?? rows.length;
    return {
      items: rows.map((row) => toActionView(row, today)),
      total,
      rows: rows.length,
      truncated: total > rows.length,
    };
  }

  /** One action `actor` may see; any other (another council's, not a partner's) is not found. */
  async get(actor: ActionActor, id: string): Promise<ActionDetailView> {
    const { councilId } = actor;
    const rows = await this.sql.query<ActionRow>(selectActionSql, [councilId, id]);
    const row = rows[0];
    if (!row || !canSee(actor, visibility(row))) throw new NotFoundException('Action not found');
    const [updates, revisions] = await Promise.all([
      this.sql.query<
        PersonRow &
          Pick<ActionUpdate, 'id' | 'note'> & { evidence_url: string | null; created_at: Date }
      >(
        `SELECT au.id, au.note, au.evidence_url, au.created_at,
                u.id AS person_id, u.name AS person_name, u.email AS person_email
           FROM action_updates au JOIN users u ON u.id = au.author_id
          WHERE au.council_id = $1 AND au.action_id = $2
          ORDER BY au.created_at, au.id`,
        [councilId, id],
      ),
      this.sql.query<
        PersonRow & {
          from_due_on: string;
          to_due_on: string;
          reason: string;
          revised_at: Date;
        }
      >(
        `SELECT to_char(d.from_due_on, 'YYYY-MM-DD') AS from_due_on,
                to_char(d.to_due_on, 'YYYY-MM-DD') AS to_due_on, d.reason, d.revised_at,
                u.id AS person_id, u.name AS person_name, u.email AS person_email
           FROM deadline_revisions d JOIN users u ON u.id = d.revised_by_id
          WHERE d.council_id = $1 AND d.action_id = $2
          ORDER BY d.revised_at, d.id`,
        [councilId, id],
      ),
    ]);
    return {
      ...toActionView(row, this.today()),
      updates: updates.map((u): ActionUpdateView => ({
        id: u.id,
        note: u.note,
        evidenceUrl: u.evidence_url,
        author: person(u),
        createdAt: u.created_at,
      })),
      deadlineRevisions: revisions.map((d): DeadlineRevisionView => ({
        fromDueOn: d.from_due_on,
        toDueOn: d.to_due_on,
        reason: d.reason,
        revisedBy: person(d),
        revisedAt: d.revised_at,
      })),
    };
  }

  /**
   * A new draft action on a recommendation ("split"): the next sequence and reference
   * (`STK-2026-R5-2`). The recommendation row is locked so two splits cannot take one number.
   */
  async create(actor: ActionActor, input: CreateActionInput): Promise<ActionDetailView> {
    this.assertBelievableDeadline(input.dueOn);
    const id = await this.dataSource.transaction(async (em) => {
      const found = await em.query<
        Array<{ ref: string; inspection_id: string; inspection_reference: string }>
      >(
        `SELECT r.ref, r.inspection_id, i.reference AS inspection_reference
           FROM recommendations r JOIN inspections i ON i.id = r.inspection_id
          WHERE r.id = $1 AND r.council_id = $2
            FOR UPDATE OF r`,
        [input.recommendationId, actor.councilId],
      );
      const recommendation = found[0];
      if (!recommendation) throw new NotFoundException('Recommendation not found');
      if (input.ownerId) await this.assertOwner(em, actor.councilId, input.ownerId);
      const [sequence] = await em.query<Array<{ next: number }>>(
        `SELECT coalesce(max(sequence), 0)::int + 1 AS next FROM actions WHERE recommendation_id = $1`,
        [input.recommendationId],
      );
      // An aggregate with no GROUP BY: Postgres always answers exactly one row.
      if (sequence === undefined) throw new Error('The next-sequence query returned no row');
      const { next } = sequence;
      const dueOn = input.dueOn ?? null;
      const action = await em.save(
        em.create(Action, {
          councilId: actor.councilId,
          inspectionId: recommendation.inspection_id,
          recommendationId: input.recommendationId,
          reference: `${recommendation.inspection_reference}-${recommendation.ref}-${next}`,
          sequence: next,
          title: input.title,
          description: input.description ?? null,
          successMeasure: input.successMeasure ?? null,
          ownerId: input.ownerId ?? null,
          dueOn,
          // A draft's deadline is not committed yet; originalDueOn follows it until it leaves draft.
          originalDueOn: dueOn,
          status: 'draft',
          statusReason: null,
        }),
      );
      await this.auditLog.recordCreated(em, [action], actor.userId);
      return action.id;
    });
    return this.get(actor, id);
  }

  /** PATCH /actions/:id, by the rules in action-rules.ts; see ActionPatch. */
  async update(actor: ActionActor, id: string, patch: ActionPatch): Promise<ActionDetailView> {
    await this.dataSource.transaction((em) => this.applyPatch(em, actor, id, patch));
    await this.events.emitAsync(ActionChanged.event, new ActionChanged(actor.councilId, id));
    return this.get(actor, id);
  }

  /**
   * Several PATCHes in one transaction, all or none: each by update's rules, in order. A
   * refusal rolls every change back and names its action (`details.actionId`, and the field
   * where it can). ActionChanged is said for each action once all have committed.
   */
  async updateMany(
    actor: ActionActor,
    changes: ReadonlyArray<{ id: string; patch: ActionPatch }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      for (const { id, patch } of changes) {
        await this.applyPatch(em, actor, id, patch).catch((error: unknown) => {
          throw namingAction(error, id);
        });
      }
    });
    for (const { id } of changes) {
      await this.events.emitAsync(ActionChanged.event, new ActionChanged(actor.councilId, id));
    }
  }

  /** update's rules and writes, in the caller's transaction. */
  private async applyPatch(
    em: EntityManager,
    actor: ActionActor,
    id: string,
    patch: ActionPatch,
  ): Promise<void> {
    const fields = PATCH_FIELDS.filter((field) => patch[field] !== undefined);
    if (fields.length === 0) {
      throw new BadRequestException(
        `Nothing to change: send at least one of ${PATCH_FIELDS.join(', ')}`,
      );
    }
    this.assertBelievableDeadline(patch.dueOn);
    // FOR UPDATE: concurrent PATCHes queue here, so each sees (and logs) the state the one
    // before it left.
    const action = await em.findOne(Action, {
      where: { id, councilId: actor.councilId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!action || !canSee(actor, action)) throw new NotFoundException('Action not found');
    const denial = patchDenial(actor, action, fields, patch.status);
    if (denial) throw new ForbiddenException(denial);
    if (patch.statusReason !== undefined && patch.status === undefined) {
      throw new BadRequestException('statusReason can only be sent with status');
    }
    if (patch.dueOnReason !== undefined && patch.dueOn === undefined) {
      throw new BadRequestException('dueOnReason can only be sent with dueOn');
    }

    const from = action.status;
    const to = patch.status ?? from;
    const transition = to !== from;
    if (transition && !canTransition(from, to)) {
      throw badRequest(illegalTransitionMessage(from, to), {
        code: 'illegal-transition',
        field: 'status',
        from,
        to,
      });
    }
    if (transition && STATUSES_NEEDING_REASON.includes(to) && !patch.statusReason) {
      throw badRequest(`statusReason is required to set status ${to}`, {
        code: 'reason-required',
        field: 'statusReason',
        status: to,
      });
    }
    if (
      transition &&
      to === 'verified' &&
      !patch.statusReason?.trim() &&
      (await this.isRepeatFinding(em, actor.councilId, action.recommendationId))
    ) {
      throw badRequest(
        'statusReason is required to verify an action on a repeat finding: say why this time is different',
        { code: 'reason-required', field: 'statusReason', status: to },
      );
    }

    const wasDraft = from === 'draft';
    const dueOnChanged = patch.dueOn !== undefined && patch.dueOn !== action.dueOn;
    if (dueOnChanged && !wasDraft && !patch.dueOnReason) {
      throw badRequest(
        'dueOnReason is required to change the deadline of an action that has left draft',
        { code: 'reason-required', field: 'dueOnReason' },
      );
    }
    if (patch.ownerId && patch.ownerId !== action.ownerId) {
      const ownersOrganisation = await this.assertOwner(em, actor.councilId, patch.ownerId);
      // A partner's action is their organisation's too (its lead hears when it is overdue),
      // unless the same change says which organisation is responsible.
      if (ownersOrganisation && patch.organisationId === undefined && !action.organisationId) {
        patch = { ...patch, organisationId: ownersOrganisation };
      }
    }
    if (patch.organisationId && patch.organisationId !== action.organisationId) {
      await this.assertOrganisation(em, actor.councilId, patch.organisationId);
    }

    // SMART is checked on the action as this PATCH leaves it, so one request can fill the
    // gaps and open the action.
    const after = {
      ownerId: patch.ownerId === undefined ? action.ownerId : patch.ownerId,
      dueOn: patch.dueOn === undefined ? action.dueOn : patch.dueOn,
      successMeasure:
        patch.successMeasure === undefined ? action.successMeasure : patch.successMeasure,
    };
    // Cancelling needs no SMART fields: a draft nobody will do is cancelled as it stands.
    if (to !== 'draft' && to !== 'cancelled') {
      const missing = missingToLeaveDraft(after);
      if (missing.length > 0) {
        throw new UnprocessableEntityException({
          message: wasDraft
            ? `The action cannot leave draft without ${missing.join(', ')}`
            : `An action out of draft must keep ${missing.join(', ')}`,
          details: { code: 'not-smart', missing } satisfies ActionRefusal,
        });
      }
    }

    const edits: Partial<Action> = {};
    for (const field of EDITABLE) {
      if (patch[field] !== undefined) Object.assign(edits, { [field]: patch[field] });
    }
    if (dueOnChanged && wasDraft) {
      edits.dueOn = patch.dueOn ?? null;
      edits.originalDueOn = patch.dueOn ?? null;
    }
    // Editing the reason of a blocked action (status unchanged) is an edit, not a transition.
    if (!transition && patch.statusReason !== undefined && STATUSES_NEEDING_REASON.includes(from)) {
      edits.statusReason = patch.statusReason;
    }

    const now = this.clock.now();
    const statusSet: Partial<Action> = {};
    if (transition) {
      statusSet.status = to;
      statusSet.statusReason = STATUSES_NEEDING_REASON.includes(to)
        ? (patch.statusReason ?? null)
        : null;
      if (to === 'completed') statusSet.completedAt = now;
      if (from === 'completed' && to === 'in_progress') statusSet.completedAt = null;
      if (to === 'verified') {
        statusSet.verifiedAt = now;
        statusSet.verifiedById = actor.userId;
      }
    }
    const revised = dueOnChanged && !wasDraft;
    const set: Partial<Action> = {
      ...edits,
      ...statusSet,
      ...(revised && { dueOn: patch.dueOn ?? null }),
    };

    const entries: AuditRecord[] = [];
    const base = { councilId: actor.councilId, actionId: id, actorId: actor.userId };
    const edited = diff(action, edits, [...EDITABLE, 'dueOn', 'originalDueOn', 'statusReason']);
    if (Object.keys(edited).length > 0) {
      entries.push({ ...base, event: 'updated', changes: edited });
    }
    if (revised) {
      entries.push({
        ...base,
        event: 'deadline_revised',
        changes: diff(action, { dueOn: patch.dueOn }, ['dueOn']),
        reason: patch.dueOnReason ?? null,
      });
      const revision = await em.insert(DeadlineRevision, {
        councilId: actor.councilId,
        actionId: id,
        // The CHECK constraint keeps non-draft deadlines set, and the SMART check above
        // refused clearing it: both dates exist here.
        fromDueOn: action.dueOn ?? '',
        toDueOn: patch.dueOn ?? '',
        reason: patch.dueOnReason ?? '',
        revisedById: actor.userId,
        revisedAt: this.clock.now(),
      });
      const keptOwner = patch.ownerId === undefined || patch.ownerId === action.ownerId;
      // The owner hears when someone else moves their deadline (a new owner's assignment
      // email gives it instead). Recorded in this transaction, so the change and its notice
      // commit together; the reminder worker sends it once, like every other email.
      if (action.ownerId && action.ownerId !== actor.userId && keptOwner) {
        // One row inserted, so one identifier back; checked so a surprise fails loudly here
        // rather than as a batch key of "rundefined".
        const [revisionKey] = revision.identifiers;
        if (!revisionKey) throw new Error('Inserting a deadline revision returned no id');
        await em.query(
          `INSERT INTO notifications
             (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key,
              send_after)
           SELECT g.id, $1, $2, 'deadline_changed', $3, $4, $5, g.id::text, $6
             FROM (SELECT gen_random_uuid() AS id) g
           ON CONFLICT DO NOTHING`,
          [actor.councilId, id, `r${String(revisionKey.id)}`, patch.dueOn, action.ownerId, now],
        );
      }
    }
    if (transition) {
      entries.push({
        ...base,
        event: 'status_changed',
        changes: diff(action, statusSet, ['status', 'statusReason']),
        reason: patch.statusReason ?? null,
      });
    }

    const changed = diff(action, set, Object.keys(set) as (keyof Action)[]);
    if (Object.keys(changed).length === 0) return;
    await em.update(Action, { id }, set);
    await this.auditLog.recordMany(em, entries);
  }

  async addUpdate(
    actor: ActionActor,
    id: string,
    input: { note: string; evidenceUrl?: string | null },
  ): Promise<ActionUpdateView> {
    return this.dataSource.transaction(async (em) => {
      const action = await em.findOne(Action, {
        where: { id, councilId: actor.councilId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action || !canSee(actor, action)) throw new NotFoundException('Action not found');
      if (!mayAddUpdate(actor, action)) {
        throw new ForbiddenException('Only the owner or a manager can add progress to this action');
      }
      const evidenceUrl = input.evidenceUrl ?? null;
      const update = await em.save(
        em.create(ActionUpdate, {
          councilId: actor.councilId,
          actionId: id,
          authorId: actor.userId,
          note: input.note,
          evidenceUrl,
          createdAt: this.clock.now(),
        }),
      );
      // Progress is activity on the action: updatedAt (and sort=-updatedAt) reflect it.
      await em.query(`UPDATE actions SET updated_at = now() WHERE id = $1`, [id]);
      await this.auditLog.record(em, {
        councilId: actor.councilId,
        actionId: id,
        actorId: actor.userId,
        event: 'progress_added',
        changes: diff<Partial<ActionUpdate>>({}, update, ['note', 'evidenceUrl']),
      });
      const [author] = await em.query<PersonRow[]>(
        `SELECT id AS person_id, name AS person_name, email AS person_email FROM users WHERE id = $1`,
        [actor.userId],
      );
      // The signed-in actor's own row, in the same transaction: it exists.
      if (author === undefined) throw new Error(`No user row for actor ${actor.userId}`);
      return {
        id: update.id,
        note: update.note,
        evidenceUrl,
        author: person(author),
        createdAt: update.createdAt,
      };
    });
  }

  /** The audit log of one action, oldest first. */
  async history(actor: ActionActor, id: string): Promise<HistoryEntryView[]> {
    const { councilId } = actor;
    const found = await this.sql.query<{
      owner_id: string | null;
      organisation_id: string | null;
      status: ActionStatus;
    }>(`SELECT owner_id, organisation_id, status FROM actions WHERE council_id = $1 AND id = $2`, [
      councilId,
      id,
    ]);
    const action = found[0];
    if (!action || !canSee(actor, visibility(action))) {
      throw new NotFoundException('Action not found');
    }
    const rows = await this.sql.query<{
      id: string;
      occurred_at: Date;
      event: AuditEvent;
      changes: AuditChanges;
      reason: string | null;
      person_id: string | null;
      person_name: string | null;
      person_email: string | null;
    }>(
      `SELECT e.id::text AS id, e.occurred_at, e.event, e.changes, e.reason,
              u.id AS person_id, u.name AS person_name, u.email AS person_email
         FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.council_id = $1 AND e.action_id = $2
        ORDER BY e.id`,
      [councilId, id],
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      event: row.event,
      actor:
        row.person_id === null
          ? null
          : { id: row.person_id, name: row.person_name ?? '', email: row.person_email ?? '' },
      changes: row.changes,
      reason: row.reason,
    }));
  }

  /**
   * Whether a manager confirmed that the recommendation repeats an earlier finding. The links
   * are @app/inspections' (repeat_links, which depends on this library, not the other way), so
   * they are read here by SQL: one indexed lookup, only when verifying.
   */
  private async isRepeatFinding(
    em: EntityManager,
    councilId: string,
    recommendationId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM repeat_links
        WHERE council_id = $1 AND recommendation_id = $2 AND state = 'confirmed' LIMIT 1`,
      [councilId, recommendationId],
    );
    return rows.length > 0;
  }

  /** A responsible organisation is one of the council's partners; any other is "not found". */
  private async assertOrganisation(
    em: EntityManager,
    councilId: string,
    organisationId: string,
  ): Promise<void> {
    const found = await em.query<unknown[]>(
      `SELECT 1 FROM organisations WHERE id = $1 AND council_id = $2`,
      [organisationId, councilId],
    );
    if (found.length === 0) {
      throw new NotFoundException({
        message: 'Organisation not found',
        details: { field: 'organisationId' },
      });
    }
  }

  /**
   * An owner is an enabled user of the same council; anyone else is "not found". Answers the
   * owner's partner organisation (null for council staff).
   */
  private async assertOwner(
    em: EntityManager,
    councilId: string,
    ownerId: string,
  ): Promise<string | null> {
    const found = await em.query<Array<{ organisation_id: string | null }>>(
      `SELECT organisation_id FROM users WHERE id = $1 AND council_id = $2 AND disabled_at IS NULL`,
      [ownerId, councilId],
    );
    const owner = found[0];
    if (!owner) throw ownerNotFound();
    return owner.organisation_id;
  }
}

const visibility = (row: {
  owner_id: string | null;
  organisation_id: string | null;
  status: ActionStatus;
}) => ({ ownerId: row.owner_id, organisationId: row.organisation_id, status: row.status });

/**
 * A refusal of one change in a batch, naming the action it refused and, where the refusal
 * says which, the field (the first missing one when leaving draft, the owner when not found).
 */
function namingAction(error: unknown, actionId: string): unknown {
  if (!(error instanceof HttpException)) return error;
  const response = error.getResponse();
  const body = typeof response === 'object' ? (response as Record<string, unknown>) : {};
  const details = (body.details ?? {}) as { field?: string; missing?: string[] };
  const field =
    details.field ??
    details.missing?.[0] ??
    (error.message === 'Owner not found' ? 'ownerId' : undefined);
  return new HttpException(
    { ...body, message: error.message, details: { ...details, actionId, field } },
    error.getStatus(),
  );
}
