import { type ActionStatus, LIVE_STATUSES, overdueSql } from '@app/actions';

/** One parameterised statement, runnable as `dataSource.query(sql, params)` or `pool.query(sql, params)`. */
export interface NamedQuery {
  name: string;
  sql: string;
  params: unknown[];
}

/** Actions per inspection and status. */
export interface DashboardCountRow {
  inspection_id: string;
  status: ActionStatus;
  count: number;
}

/** Overdue actions per inspection and (live) status; `overdue_priority` answer priority areas. */
export interface DashboardOverdueRow {
  inspection_id: string;
  status: ActionStatus;
  overdue: number;
  overdue_priority: number;
}

export interface DashboardOwnerRow {
  id: string | null;
  name: string | null;
  email: string | null;
  count: number;
}

export interface DashboardTeamRow {
  team: string | null;
  count: number;
}

export interface DashboardOrganisationRow {
  id: string | null;
  name: string | null;
  count: number;
}

export interface DashboardInspectionRow {
  id: string;
  reference: string;
  title: string | null;
  published_on: string | null;
}

/** The single row the dashboard statement returns: each column a JSON array, parsed by pg. */
export interface DashboardRow {
  counts: DashboardCountRow[];
  overdue: DashboardOverdueRow[];
  due_soon: { next_7_days: number; next_30_days: number };
  by_owner: DashboardOwnerRow[];
  by_team: DashboardTeamRow[];
  by_organisation: DashboardOrganisationRow[];
  inspections: DashboardInspectionRow[];
}

const overdue = overdueSql('a', '$2::date');
// Due soon counts live work only: finished or cancelled actions are not "due".
const live = `a.status IN (${LIVE_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/**
 * Everything GET /dashboard shows for one council, in ONE statement (one round trip); each
 * column of its single row is JSON, small whatever the council's size:
 *
 * - `counts`: actions per (inspection, status), from the trigger-kept action_counts table.
 *   Summed it gives counts by status; per inspection it feeds the progress/RAG rule
 *   (`summarise`).
 * - `overdue`, `by_owner`, `by_team`, `by_organisation`, `due_soon`: ranges of the live-status partial index on
 *   (council_id, due_on), which carries the grouped columns (index-only again). Rows are
 *   grouped before any join, so users and recommendations are looked up per group, not per
 *   action.
 *
 * Those indexes (migration AddDashboardIndexes) keep it to index pages however a council's
 * rows are scattered through the table. Pure: the API runs it through TypeORM and the
 * benchmark's bare baseline through `pg`, so both measure the same SQL. `today` is the date
 * in Europe/London (YYYY-MM-DD).
 */
export function dashboardQuery(councilId: string, today: string): NamedQuery {
  return {
    name: 'dashboard',
    sql: `
WITH counts AS (
  -- Kept by triggers on actions (migration CountActionsByStatus): a few rows, not a count.
  SELECT c.inspection_id, c.status, c.count
    FROM action_counts c
   WHERE c.council_id = $1 AND c.count > 0
),
overdue_by_plan AS (
  -- At most one row per recommendation and status, so the priority join below stays small.
  SELECT a.inspection_id, a.status, a.recommendation_id, count(*)::int AS count
    FROM actions a
   WHERE a.council_id = $1 AND ${overdue}
   GROUP BY a.inspection_id, a.status, a.recommendation_id
),
overdue_by_owner AS (
  -- Grouped before the join: one users lookup per owner, not per action. The council
  -- condition on users too: a name from another council must never show here. By owner and
  -- organisation in one pass, which by_owner, by_team and by_organisation each sum up.
  SELECT u.id, u.name, u.email, u.team, o.organisation_id, o.count
    FROM (SELECT a.owner_id, a.organisation_id, count(*)::int AS count
            FROM actions a
           WHERE a.council_id = $1 AND ${overdue}
           GROUP BY a.owner_id, a.organisation_id) o
    LEFT JOIN users u ON u.id = o.owner_id AND u.council_id = $1
)
SELECT
  (SELECT coalesce(json_agg(c), '[]') FROM counts c) AS counts,
  (SELECT coalesce(json_agg(p), '[]') FROM (
     -- Priority looked up per group by primary key: a join here gets hashed over the whole
     -- recommendations table, every council's, because the planner overestimates the groups.
     SELECT o.inspection_id, o.status, sum(o.count)::int AS overdue,
            coalesce(sum(o.count) FILTER (
              WHERE (SELECT r.priority FROM recommendations r WHERE r.id = o.recommendation_id)
                    = 'priority_action'), 0)::int AS overdue_priority
       FROM overdue_by_plan o
      GROUP BY o.inspection_id, o.status) p) AS overdue,
  (SELECT coalesce(json_agg(w ORDER BY w.count DESC, w.name NULLS LAST, w.id), '[]') FROM (
     SELECT o.id, o.name, o.email, sum(o.count)::int AS count
       FROM overdue_by_owner o
      GROUP BY o.id, o.name, o.email) w) AS by_owner,
  (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.team NULLS LAST), '[]') FROM (
     SELECT o.team, sum(o.count)::int AS count
       FROM overdue_by_owner o
      GROUP BY o.team) t) AS by_team,
  (SELECT coalesce(json_agg(g ORDER BY g.count DESC, g.name NULLS LAST, g.id), '[]') FROM (
     -- The council condition on organisations too, as on users.
     SELECT og.id, og.name, sum(o.count)::int AS count
       FROM overdue_by_owner o
       LEFT JOIN organisations og ON og.id = o.organisation_id AND og.council_id = $1
      GROUP BY og.id, og.name) g) AS by_organisation,
  (SELECT json_build_object(
            'next_7_days', count(*) FILTER (WHERE a.due_on <= $2::date + 7),
            'next_30_days', count(*))
     FROM actions a
    WHERE a.council_id = $1 AND a.due_on BETWEEN $2::date AND $2::date + 30 AND ${live}) AS due_soon,
  (SELECT coalesce(json_agg(i ORDER BY i.published_on DESC NULLS LAST, i.reference), '[]') FROM (
     SELECT id, reference, title, published_on
       FROM inspections
      WHERE council_id = $1) i) AS inspections`,
    params: [councilId, today],
  };
}
