import { Action, type ActionActor, type ActionStatus, AuditLog, type Rag } from '@app/actions';
import { Clock, londonDateOf } from '@app/common';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { actionRagOf, type ComputedRag, effectiveRag } from './action-rag';
import { RagOverride } from './entities/rag-override.entity';
import { type MeasureView, MeasuresService } from './measures.service';

export const RAG_REASON_MAX_LENGTH = 2000;

export interface RagOverrideView {
  rag: Rag;
  reason: string;
  by: { id: string; name: string };
  at: Date;
}

/** An action's RAG: computed, a manager's override beside it, and the one people go by. */
export interface ActionRagView {
  computed: ComputedRag;
  override: RagOverrideView | null;
  rag: Rag | null;
}

/**
 * An action's RAG and its override. Only managers override; the reason is required and the
 * override, like its removal, is in the action's history. A cancelled action is not rated, so
 * it cannot be overridden either.
 */
@Injectable()
export class ActionRagService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly measures: MeasuresService,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
  ) {}

  async ratingOf(councilId: string, actionId: string): Promise<ActionRagView> {
    const action = await this.actionOf(this.dataSource.manager, councilId, actionId);
    const [measures, override] = await Promise.all([
      this.measures.list(councilId, actionId),
      this.overrideOf(councilId, actionId),
    ]);
    return this.rate(action, measures, override);
  }

  /**
   * The RAG of an action whose measures and override the caller has already read (the action
   * page reads them for itself): the same rules as `ratingOf`, without reading them twice.
   */
  rate(
    action: { status: ActionStatus; dueOn: string | null },
    measures: readonly MeasureView[],
    override: RagOverrideView | null,
  ): ActionRagView {
    const computed = actionRagOf(
      action,
      measures.map((m) => ({ name: m.name, ...m.trajectory })),
      londonDateOf(this.clock.now()),
    );
    return { computed, override, rag: effectiveRag(computed, override) };
  }

  async override(
    actor: ActionActor,
    actionId: string,
    input: { rag: Rag; reason: string },
  ): Promise<ActionRagView> {
    const reason = input.reason.trim();
    if (reason === '') {
      throw new BadRequestException({
        message: 'reason should not be empty',
        details: { code: 'invalid-rag-override', field: 'reason' },
      });
    }
    await this.dataSource.transaction(async (em) => {
      const action = await this.actionOf(em, actor.councilId, actionId, true);
      this.mustManage(actor);
      if (action.status === 'cancelled') {
        throw new BadRequestException({
          message: 'A cancelled action is not rated, so its RAG cannot be overridden',
          details: { code: 'invalid-rag-override', field: 'rag' },
        });
      }
      const before = await em.findOneBy(RagOverride, { actionId, councilId: actor.councilId });
      await em.upsert(
        RagOverride,
        {
          actionId,
          councilId: actor.councilId,
          rag: input.rag,
          reason,
          setById: actor.userId,
          setAt: this.clock.now(),
        },
        ['actionId'],
      );
      await this.auditLog.record(em, {
        councilId: actor.councilId,
        actionId,
        actorId: actor.userId,
        event: 'rag_overridden',
        changes: { rag: { from: before?.rag ?? null, to: input.rag } },
        reason,
      });
    });
    return this.ratingOf(actor.councilId, actionId);
  }

  /** Back to the computed RAG. Clearing when there is no override changes nothing. */
  async clear(actor: ActionActor, actionId: string): Promise<ActionRagView> {
    await this.dataSource.transaction(async (em) => {
      await this.actionOf(em, actor.councilId, actionId, true);
      this.mustManage(actor);
      const before = await em.findOneBy(RagOverride, { actionId, councilId: actor.councilId });
      if (!before) return;
      await em.delete(RagOverride, { actionId, councilId: actor.councilId });
      await this.auditLog.record(em, {
        councilId: actor.councilId,
        actionId,
        actorId: actor.userId,
        event: 'rag_override_cleared',
        changes: { rag: { from: before.rag, to: null } },
      });
    });
    return this.ratingOf(actor.councilId, actionId);
  }

  private mustManage(actor: ActionActor): void {
    if (actor.role === 'staff') throw new ForbiddenException('Only managers can override a RAG');
  }

  private async actionOf(
    em: EntityManager,
    councilId: string,
    actionId: string,
    lock = false,
  ): Promise<Action> {
    const action = await em.findOne(Action, {
      where: { id: actionId, councilId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!action) throw new NotFoundException('Action not found');
    return action;
  }

  /** The action's override, or null; whether the action is there is the caller's to know. */
  async overrideOf(councilId: string, actionId: string): Promise<RagOverrideView | null> {
    const row = await this.dataSource.manager.findOne(RagOverride, {
      where: { actionId, councilId },
      relations: { setBy: true },
    });
    return row
      ? {
          rag: row.rag,
          reason: row.reason,
          by: { id: row.setById, name: row.setBy?.name ?? '' },
          at: row.setAt,
        }
      : null;
  }
}
