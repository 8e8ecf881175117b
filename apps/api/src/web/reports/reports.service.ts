import {
  ACTION_ROW_FROM,
  ACTION_STATUSES,
  type ActionRow,
  type ActionView,
  overdueSql,
  toActionView,
} from '@app/actions';
import { Clock, COUNCIL_TIME_ZONE, londonDateOf } from '@app/common';
import { SqlRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { type ActionTimeline, type LiveSpan, liveSpans, type StatusEvent } from './open-series';

export const OVERDUE_SORTS = [
  'reference',
  'title',
  'owner',
  'team',
  'inspection',
  'dueOn',
  'daysOverdue',
  'status',
] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];

export interface OverdueFilters {
  ownerId?: string;
  /** Matched ignoring case, as teams are typed by admins. */
  team?: string;
  inspectionId?: string;
}

export interface OverdueQuery extends OverdueFilters {
  sort: OverdueSort;
  direction: 'asc' | 'desc';
  /** From 1; leave both out for every row (the CSV). */
  page?: number;
  pageSize?: number;
}

export interface OverduePage {
  items: ActionView[];
  total: number;
}

const STATUS_ORDER = `ARRAY[${ACTION_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/** ORDER BY for each column; days overdue runs against the deadline. */
const ORDER: Record<OverdueSort, (dir: 'ASC' | 'DESC') => string> = {
  reference: (d) => `i.reference ${d}, r.position ${d}, a.sequence ${d}`,
  title: (d) => `lower(a.title) ${d}`,
  owner: (d) => `lower(u.name) ${d} NULLS LAST`,
  team: (d) => `lower(u.team) ${d} NULLS LAST`,
  inspection: (d) => `i.reference ${d}`,
  dueOn: (d) => `a.due_on ${d}`,
  daysOverdue: (d) => `a.due_on ${d === 'ASC' ? 'DESC' : 'ASC'}`,
  status: (d) => `array_position(${STATUS_ORDER}, a.status) ${d}`,
};

/** Ties: most overdue first, then document order; the id keeps pages stable. */
const TIE_BREAK = 'a.due_on ASC, i.reference ASC, r.position ASC, a.sequence ASC, a.id ASC';

/** The most rows the CSV export writes (as ActionsService's export). */
export const OVERDUE_EXPORT_MAX_ROWS = 50_000;

const londonDate = (column: string) =>
  `to_char(${column} AT TIME ZONE '${COUNCIL_TIME_ZONE}', 'YYYY-MM-DD')`;

/**
 * The reads the report pages need that the domain services do not offer: the overdue review
 * with a team filter and any column's sort, and the live-action history of one inspection.
 * Every query is scoped by council.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return londonDateOf(this.clock.now());
  }

  /** Overdue actions of the council (live, deadline passed in England), filtered and sorted. */
  async overdue(councilId: string, query: OverdueQuery): Promise<OverduePage> {
    const today = this.today();
    const params: unknown[] = [councilId, today];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['a.council_id = $1', overdueSql('a', '$2::date')];
    if (query.ownerId !== undefined) where.push(`a.owner_id = ${param(query.ownerId)}::uuid`);
    if (query.inspectionId !== undefined) {
      where.push(`a.inspection_id = ${param(query.inspectionId)}::uuid`);
    }
    if (query.team !== undefined) where.push(`lower(u.team) = lower(${param(query.team)})`);
    const whereSql = where.join('\n   AND ');
    const dir = query.direction === 'asc' ? 'ASC' : 'DESC';
    const paged = query.page !== undefined && query.pageSize !== undefined;
    const limit = paged
      ? `LIMIT ${Math.trunc(query.pageSize ?? 1)} OFFSET ${Math.trunc(((query.page ?? 1) - 1) * (query.pageSize ?? 1))}`
      : `LIMIT ${OVERDUE_EXPORT_MAX_ROWS}`;
    const sql = `${ACTION_ROW_FROM}
 WHERE ${whereSql}
 ORDER BY ${ORDER[query.sort](dir)}, ${TIE_BREAK}
 ${limit}`;
    const countSql = `SELECT count(*)::int AS total
  FROM actions a LEFT JOIN users u ON u.id = a.owner_id
 WHERE ${whereSql}`;
    const [rows, counted] = await Promise.all([
      this.sql.query<ActionRow>(sql, params, { prepare: false }),
      this.sql.query<{ total: number }>(countSql, params, { prepare: false }),
    ]);
    return {
      items: rows.map((row) => toActionView(row, today)),
      total: counted[0]?.total ?? 0,
    };
  }

  /** The council's inspections for a filter: newest import first. */
  async inspectionOptions(
    councilId: string,
  ): Promise<Array<{ id: string; reference: string; title: string | null }>> {
    return this.sql.query(
      `SELECT id, reference, title FROM inspections
        WHERE council_id = $1 ORDER BY imported_at DESC, reference`,
      [councilId],
    );
  }

  /**
   * When each action of an inspection was live, from its status changes in the audit log
   * (actions with no logged change: since creation, or until their last change when finished).
   */
  async liveSpans(councilId: string, inspectionId: string): Promise<LiveSpan[]> {
    const [actions, events] = await Promise.all([
      this.sql.query<{ id: string; status: string; created_on: string; settled_on: string }>(
        `SELECT a.id, a.status, ${londonDate('a.created_at')} AS created_on,
                ${londonDate('coalesce(a.completed_at, a.verified_at, a.updated_at)')} AS settled_on
           FROM actions a
          WHERE a.council_id = $1 AND a.inspection_id = $2`,
        [councilId, inspectionId],
      ),
      this.sql.query<{ action_id: string; on: string; from: string | null; to: string }>(
        `SELECT e.action_id, ${londonDate('e.occurred_at')} AS "on",
                e.changes -> 'status' ->> 'from' AS "from", e.changes -> 'status' ->> 'to' AS "to"
           FROM audit_entries e JOIN actions a ON a.id = e.action_id
          WHERE e.council_id = $1 AND a.council_id = $1 AND a.inspection_id = $2
            AND e.event = 'status_changed' AND e.changes ? 'status'
          ORDER BY e.id`,
        [councilId, inspectionId],
      ),
    ]);
    return liveSpans(
      actions.map((a): ActionTimeline => ({
        id: a.id,
        status: a.status,
        createdOn: a.created_on,
        settledOn: a.settled_on,
      })),
      events.map((e): StatusEvent => ({ actionId: e.action_id, on: e.on, from: e.from, to: e.to })),
    );
  }
}
