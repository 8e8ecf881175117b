import { type ActionStatus, isOverdue, type Rag } from '@app/actions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { actionRagOf, effectiveRag } from './action-rag';
import type { MeasureDirection, MeasureUnit } from './measure-rules';
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

interface ActionRow {
  id: string;
  inspectionId: string;
  status: ActionStatus;
  dueOn: string | null;
  priority: boolean;
  override: Rag | null;
}

interface MeasureRow {
  id: string;
  actionId: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baselineValue: string | null;
  baselineOn: string | null;
  targetValue: string;
  targetOn: string;
}

/**
 * Roll-ups count RAG from statuses and deadlines in SQL (fast on a million actions); the few
 * actions with measures or a manager's override are rated here, one by one, by the same rules as
 * the action page, so the dashboards, the API and the committee report agree.
 */
@Injectable()
export class RagCorrections {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(
    councilId: string,
    today: string,
    inspectionIds?: readonly string[],
  ): Promise<RagCorrection[]> {
    const db = this.dataSource.manager;
    const actions = await db.query<ActionRow[]>(
      `SELECT a.id, a.inspection_id AS "inspectionId", a.status, a.due_on::text AS "dueOn",
              r.priority = 'priority_action' AS priority, o.rag AS override
         FROM actions a
         JOIN recommendations r ON r.id = a.recommendation_id
         LEFT JOIN rag_overrides o ON o.action_id = a.id
        WHERE a.council_id = $1
          AND a.id IN (SELECT action_id FROM measures WHERE council_id = $1
                       UNION SELECT action_id FROM rag_overrides WHERE council_id = $1)
          ${inspectionIds ? 'AND a.inspection_id = ANY($2)' : ''}`,
      inspectionIds ? [councilId, inspectionIds] : [councilId],
    );
    if (actions.length === 0) return [];
    const ids = actions.map((a) => a.id);
    const [measures, readings, tolerance] = await Promise.all([
      db.query<MeasureRow[]>(
        `SELECT id, action_id AS "actionId", name, unit, direction,
                baseline_value AS "baselineValue", baseline_on::text AS "baselineOn",
                target_value AS "targetValue", target_on::text AS "targetOn"
           FROM measures WHERE council_id = $1 AND action_id = ANY($2)`,
        [councilId, ids],
      ),
      db.query<{ measureId: string; value: string; observedOn: string }[]>(
        `SELECT r.measure_id AS "measureId", r.value, r.observed_on::text AS "observedOn"
           FROM measure_readings r JOIN measures m ON m.id = r.measure_id
          WHERE r.council_id = $1 AND m.action_id = ANY($2)
          ORDER BY r.observed_on, r.created_at, r.id`,
        [councilId, ids],
      ),
      toleranceOf(db, councilId),
    ]);
    const readingsOf = new Map<string, { value: number; observedOn: string }[]>();
    for (const r of readings) {
      const list = readingsOf.get(r.measureId) ?? [];
      list.push({ value: Number(r.value), observedOn: r.observedOn });
      readingsOf.set(r.measureId, list);
    }
    const measuresOf = new Map<string, MeasureRow[]>();
    for (const m of measures)
      measuresOf.set(m.actionId, [...(measuresOf.get(m.actionId) ?? []), m]);
    return actions.map((action) => {
      const rated = (measuresOf.get(action.id) ?? []).map((m) => {
        const terms = {
          ...m,
          baselineValue: m.baselineValue === null ? null : Number(m.baselineValue),
          targetValue: Number(m.targetValue),
        };
        return {
          name: m.name,
          ...trajectoryOf(terms, readingsOf.get(m.id) ?? [], today, tolerance),
        };
      });
      const computed = actionRagOf(action, rated, today);
      return {
        inspectionId: action.inspectionId,
        priority: action.priority,
        overdue: isOverdue(action, today),
        blocked: action.status === 'blocked',
        rag: effectiveRag(computed, action.override ? { rag: action.override } : null),
      };
    });
  }
}
