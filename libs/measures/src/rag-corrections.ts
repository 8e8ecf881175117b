import { groupBy } from '@app/common';
import { type ActionStatus, isOverdue, type Rag } from '@app/actions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { actionRagOf, type ComputedRag, effectiveRag } from './action-rag';
import type { MeasureTerms } from './measure-rules';
import { toleranceOf } from './measures.service';
import { trajectoryOf } from './trajectory';

/**
 * An action whose RAG is not its deadline's alone (it has measures or an override): what its
 * deadline counted for in a roll-up made from counts, and what its RAG really is.
 */
export interface RagCorrection {
  inspectionId: string;
  /** It answers an area for priority action. */
  priority: boolean;
  /** Counted red by the deadline counts (live and past its deadline). */
  overdue: boolean;
  /** Counted amber by the deadline counts. */
  blocked: boolean;
  rag: Rag | null;
}

/** An action's RAG as an email gives it: the one that counts, and the computed one with why. */
export interface RatedAction {
  rag: Rag | null;
  computed: ComputedRag;
  /** A manager's reason, when the RAG is theirs. */
  overrideReason: string | null;
}

interface ActionRow {
  id: string;
  inspectionId: string;
  status: ActionStatus;
  dueOn: string | null;
  priority: boolean;
  override: Rag | null;
  overrideReason: string | null;
}

interface MeasureRow extends MeasureTerms {
  id: string;
  actionId: string;
  name: string;
}

/**
 * Actions rated in bulk by the same rules as the action page. Roll-ups count RAG from statuses
 * and deadlines in SQL (fast on a million actions), and put right the few actions with measures
 * or a manager's override from here, so the dashboards, the API and the committee report agree;
 * emails rate the actions they are about.
 */
@Injectable()
export class RagCorrections {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The council's actions (of `inspectionIds`, when given) with measures or an override. */
  async of(
    councilId: string,
    today: string,
    inspectionIds?: readonly string[],
  ): Promise<RagCorrection[]> {
    const special = `a.id IN (SELECT action_id FROM measures WHERE council_id = $1
                              UNION SELECT action_id FROM rag_overrides WHERE council_id = $1)`;
    const rated = await this.rate(
      councilId,
      today,
      inspectionIds ? `${special} AND a.inspection_id = ANY($2)` : special,
      inspectionIds ? [inspectionIds] : [],
    );
    return rated.map(({ action, rating }) => ({
      inspectionId: action.inspectionId,
      priority: action.priority,
      overdue: isOverdue(action, today),
      blocked: action.status === 'blocked',
      rag: rating.rag,
    }));
  }

  /** Each of `actionIds` in the council, rated, by id. */
  async forActions(
    councilId: string,
    actionIds: readonly string[],
    today: string,
  ): Promise<Map<string, RatedAction>> {
    if (actionIds.length === 0) return new Map();
    const rated = await this.rate(councilId, today, 'a.id = ANY($2)', [actionIds]);
    return new Map(rated.map(({ action, rating }) => [action.id, rating]));
  }

  private async rate(
    councilId: string,
    today: string,
    where: string,
    params: unknown[],
  ): Promise<{ action: ActionRow; rating: RatedAction }[]> {
    const db = this.dataSource.manager;
    const actions = await db.query<ActionRow[]>(
      `SELECT a.id, a.inspection_id AS "inspectionId", a.status, a.due_on::text AS "dueOn",
              r.priority = 'priority_action' AS priority, o.rag AS override,
              o.reason AS "overrideReason"
         FROM actions a
         JOIN recommendations r ON r.id = a.recommendation_id
         LEFT JOIN rag_overrides o ON o.action_id = a.id
        WHERE a.council_id = $1 AND ${where}`,
      [councilId, ...params],
    );
    if (actions.length === 0) return [];
    const ids = actions.map((a) => a.id);
    const [measures, readings, tolerance] = await Promise.all([
      db.query<MeasureRow[]>(
        `SELECT id, action_id AS "actionId", name, unit, direction,
                baseline_value::float8 AS "baselineValue", baseline_on::text AS "baselineOn",
                target_value::float8 AS "targetValue", target_on::text AS "targetOn"
           FROM measures WHERE council_id = $1 AND action_id = ANY($2)`,
        [councilId, ids],
      ),
      db.query<{ measureId: string; value: number; observedOn: string }[]>(
        `SELECT r.measure_id AS "measureId", r.value::float8 AS value,
                r.observed_on::text AS "observedOn"
           FROM measure_readings r JOIN measures m ON m.id = r.measure_id
          WHERE r.council_id = $1 AND m.action_id = ANY($2)
          ORDER BY r.observed_on, r.created_at, r.id`,
        [councilId, ids],
      ),
      toleranceOf(db, councilId),
    ]);
    const readingsOf = groupBy(readings, (r) => r.measureId);
    const measuresOf = groupBy(measures, (m) => m.actionId);
    return actions.map((action) => {
      const rated = (measuresOf.get(action.id) ?? []).map((m) => ({
        name: m.name,
        ...trajectoryOf(m, readingsOf.get(m.id) ?? [], today, tolerance),
      }));
      const computed = actionRagOf(action, rated, today);
      const override = action.override ? { rag: action.override } : null;
      return {
        action,
        rating: {
          rag: effectiveRag(computed, override),
          computed,
          overrideReason: override && computed.rag !== null ? action.overrideReason : null,
        },
      };
    });
  }
}
