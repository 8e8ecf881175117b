import { type ActionStatus, overdueSql } from '@app/actions';
import { SqlRunner } from '@app/database';
import { RagCorrections } from '@app/measures';
import { Injectable } from '@nestjs/common';
import { type Progress, summarise, type StatusCount } from './progress';

interface Row {
  inspection_id: string;
  status: ActionStatus;
  count: string;
  overdue: string;
  overdue_priority: string;
}

/** Counts per inspection for progress and RAG: one grouped query for any number of them. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly sql: SqlRunner,
    private readonly corrections: RagCorrections,
  ) {}

  /** Progress of each of `inspectionIds` (all the council's when omitted), by inspection id. */
  async forInspections(
    councilId: string,
    today: string,
    inspectionIds?: readonly string[],
  ): Promise<Map<string, Progress>> {
    const overdue = overdueSql('a', '$2');
    const [rows, corrections] = await Promise.all([
      this.sql.query<Row>(
        `SELECT a.inspection_id, a.status, count(*) AS count,
              count(*) FILTER (WHERE ${overdue}) AS overdue,
              count(*) FILTER (WHERE ${overdue} AND r.priority = 'priority_action') AS overdue_priority
         FROM actions a JOIN recommendations r ON r.id = a.recommendation_id
        WHERE a.council_id = $1 ${inspectionIds ? 'AND a.inspection_id = ANY($3)' : ''}
        GROUP BY a.inspection_id, a.status`,
        inspectionIds ? [councilId, today, inspectionIds] : [councilId, today],
      ),
      this.corrections.of(councilId, today, inspectionIds),
    ]);
    const grouped = new Map<string, StatusCount[]>();
    for (const id of inspectionIds ?? []) grouped.set(id, []);
    for (const row of rows) {
      const list = grouped.get(row.inspection_id) ?? [];
      list.push({
        status: row.status,
        count: Number(row.count),
        overdue: Number(row.overdue),
        overduePriority: Number(row.overdue_priority),
      });
      grouped.set(row.inspection_id, list);
    }
    return new Map(
      [...grouped].map(([id, counts]) => [
        id,
        summarise(
          counts,
          corrections.filter((c) => c.inspectionId === id),
        ),
      ]),
    );
  }
}
