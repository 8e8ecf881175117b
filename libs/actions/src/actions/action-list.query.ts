import { ACTION_STATUSES, type ActionStatus } from '../entities/action.entity';
import { overdueSql } from '../overdue';

/**
 * The action list as plain parameterised SQL ($1..$n), so the API and the bench's bare
 * node:http + pg baseline run exactly the same statements. Pure: no database, no Nest.
 */

export const ACTION_SORTS = [
  'dueOn',
  '-dueOn',
  'updatedAt',
  '-updatedAt',
  'reference',
  '-reference',
  'status',
  '-status',
  'title',
  '-title',
  'owner',
  '-owner',
  'team',
  '-team',
  'inspection',
  '-inspection',
] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface ActionListFilters {
  /** Any of these statuses. */
  statuses?: readonly ActionStatus[];
  /** true: only overdue actions; false: only those not overdue. */
  overdue?: boolean;
  /** Due on or before this date (inclusive, YYYY-MM-DD); actions without a deadline drop out. */
  dueBefore?: string;
  /** Due on or after this date (inclusive, YYYY-MM-DD); actions without a deadline drop out. */
  dueAfter?: string;
  ownerId?: string;
  /** The owner's team, ignoring case (teams are typed by admins). */
  team?: string;
  inspectionId?: string;
  /** The partner organisation responsible. */
  organisationId?: string;
  /**
   * Only what this partner may see (see partnerReach): set by ActionsService from the caller,
   * never from a request.
   */
  reach?: PartnerReach;
  /** Case-insensitive substring of the reference, title, description or recommendation text. */
  q?: string;
  sort?: ActionSort;
  /** From 1. */
  page?: number;
  /** Rows per page: 1..MAX_PAGE_SIZE for the API; the CSV export asks for more. */
  pageSize?: number;
}

export type ActionListParam = string | string[];

/** A partner user's reach: the actions they own, and those their organisation is responsible for. */
export interface PartnerReach {
  userId: string;
  organisationId: string | null;
}

/**
 * The SQL condition for a partner's reach over actions `alias` ($-placeholders for the user and
 * organisation). Drafts are the council's plan in the making: partners see actions once opened.
 */
export const partnerReachSql = (alias: string, user: string, organisation: string): string =>
  `((${alias}.owner_id = ${user}::uuid OR ${alias}.organisation_id = ${organisation}::uuid) AND ${alias}.status <> 'draft')`;

export interface ActionListQuery {
  /** One page of rows (ActionRow), LIMIT and OFFSET inlined as validated integers. */
  sql: string;
  /** `SELECT count(*)::int AS total` over the same filters; takes the same params. */
  countSql: string;
  params: ActionListParam[];
}

/** One row of `sql` (and of selectActionSql): an action with its owner, recommendation and inspection. */
export interface ActionRow {
  id: string;
  reference: string;
  title: string;
  description: string | null;
  success_measure: string | null;
  status: ActionStatus;
  status_reason: string | null;
  due_on: string | null;
  original_due_on: string | null;
  completed_at: Date | null;
  verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  recommendation_id: string;
  recommendation_ref: string;
  recommendation_label: string | null;
  recommendation_text: string;
  recommendation_section: string;
  recommendation_theme: string | null;
  recommendation_priority: string;
  recommendation_timescale_text: string | null;
  recommendation_responsible: string[];
  inspection_id: string;
  inspection_reference: string;
  inspection_title: string | null;
}

/**
 * Columns and joins for ActionRow. The joins are many-to-one (each action has one
 * recommendation, one inspection, at most one owner), so LIMIT on the join is LIMIT on actions.
 * Dates go through to_char so the driver hands back 'YYYY-MM-DD', whatever its date parser.
 */
export const ACTION_ROW_FROM = `
SELECT a.id, a.reference, a.title, a.description, a.success_measure, a.status, a.status_reason,
       to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
       to_char(a.original_due_on, 'YYYY-MM-DD') AS original_due_on,
       a.completed_at, a.verified_at, a.created_at, a.updated_at,
       a.owner_id, u.name AS owner_name, u.email AS owner_email,
       a.organisation_id, og.name AS organisation_name,
       r.id AS recommendation_id, r.ref AS recommendation_ref, r.label AS recommendation_label,
       r.text AS recommendation_text, r.section AS recommendation_section,
       r.theme AS recommendation_theme, r.priority AS recommendation_priority,
       r.timescale_text AS recommendation_timescale_text, r.responsible AS recommendation_responsible,
       i.id AS inspection_id, i.reference AS inspection_reference, i.title AS inspection_title
  FROM actions a
  JOIN recommendations r ON r.id = a.recommendation_id
  JOIN inspections i ON i.id = a.inspection_id
  LEFT JOIN users u ON u.id = a.owner_id
  LEFT JOIN organisations og ON og.id = a.organisation_id`;

/** One action of a council by id ($1 council, $2 action): the same row shape as the list. */
export const selectActionSql = `${ACTION_ROW_FROM}
 WHERE a.council_id = $1 AND a.id = $2`;

/** Workflow order, for sort=status. */
const STATUS_ORDER = `ARRAY[${ACTION_STATUSES.map((status) => `'${status}'`).join(', ')}]::text[]`;

/**
 * ORDER BY for each sort. Every one ends in a.id so pages are stable. `dueOn` matches the
 * (council_id, due_on, id) indexes (ASC puts nulls last), which is what makes the overdue first
 * page an index walk that stops after LIMIT rows.
 */
const ORDER_BY: Record<ActionSort, string> = {
  dueOn: 'a.due_on ASC NULLS LAST, a.id ASC',
  '-dueOn': 'a.due_on DESC NULLS LAST, a.id ASC',
  updatedAt: 'a.updated_at ASC, a.id ASC',
  '-updatedAt': 'a.updated_at DESC, a.id ASC',
  // Document order (STK-2026-R2-1 before STK-2026-R10-1), not string order.
  reference: 'i.reference ASC, r.position ASC, a.sequence ASC, a.id ASC',
  '-reference': 'i.reference DESC, r.position DESC, a.sequence DESC, a.id ASC',
  status: `array_position(${STATUS_ORDER}, a.status) ASC, a.due_on ASC NULLS LAST, a.id ASC`,
  '-status': `array_position(${STATUS_ORDER}, a.status) DESC, a.due_on ASC NULLS LAST, a.id ASC`,
  title: 'lower(a.title) ASC, a.id ASC',
  '-title': 'lower(a.title) DESC, a.id ASC',
  // Unassigned actions (and people without a team) last either way.
  owner: 'lower(u.name) ASC NULLS LAST, a.due_on ASC NULLS LAST, a.id ASC',
  '-owner': 'lower(u.name) DESC NULLS LAST, a.due_on ASC NULLS LAST, a.id ASC',
  team: 'lower(u.team) ASC NULLS LAST, a.due_on ASC NULLS LAST, a.id ASC',
  '-team': 'lower(u.team) DESC NULLS LAST, a.due_on ASC NULLS LAST, a.id ASC',
  inspection: 'i.reference ASC, a.due_on ASC NULLS LAST, a.id ASC',
  '-inspection': 'i.reference DESC, a.due_on ASC NULLS LAST, a.id ASC',
};

/** `text` as a LIKE pattern matching it anywhere, with its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * The page and count queries for a council's actions. `today` (YYYY-MM-DD in Europe/London)
 * decides what is overdue. Values travel as parameters; only the sort (from a fixed map) and
 * the validated LIMIT/OFFSET integers are written into the SQL.
 */
export function buildActionListQuery(
  councilId: string,
  today: string,
  filters: ActionListFilters = {},
): ActionListQuery {
  const params: ActionListParam[] = [councilId];
  const param = (value: ActionListParam): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['a.council_id = $1'];
  let needsRecommendation = false;
  let needsOwner = false;

  if (filters.statuses !== undefined && filters.statuses.length > 0) {
    where.push(`a.status = ANY(${param([...filters.statuses])}::text[])`);
  }
  if (filters.overdue === true) {
    where.push(overdueSql('a', param(today)));
  } else if (filters.overdue === false) {
    // A null due_on makes the overdue test null: count that as "not overdue".
    where.push(`NOT COALESCE(${overdueSql('a', param(today))}, false)`);
  }
  if (filters.dueBefore !== undefined) where.push(`a.due_on <= ${param(filters.dueBefore)}::date`);
  if (filters.dueAfter !== undefined) where.push(`a.due_on >= ${param(filters.dueAfter)}::date`);
  if (filters.ownerId !== undefined) where.push(`a.owner_id = ${param(filters.ownerId)}::uuid`);
  if (filters.team !== undefined) {
    needsOwner = true;
    where.push(`lower(u.team) = lower(${param(filters.team)})`);
  }
  if (filters.inspectionId !== undefined) {
    where.push(`a.inspection_id = ${param(filters.inspectionId)}::uuid`);
  }
  if (filters.organisationId !== undefined) {
    where.push(`a.organisation_id = ${param(filters.organisationId)}::uuid`);
  }
  if (filters.reach !== undefined) {
    const { userId, organisationId } = filters.reach;
    // A partner always has an organisation; an impossible id keeps the SQL one shape if not.
    where.push(
      partnerReachSql(
        'a',
        param(userId),
        param(organisationId ?? '00000000-0000-0000-0000-000000000000'),
      ),
    );
  }
  if (filters.q !== undefined) {
    const pattern = param(containsPattern(filters.q));
    needsRecommendation = true;
    where.push(
      `(a.reference ILIKE ${pattern} OR a.title ILIKE ${pattern} OR a.description ILIKE ${pattern} OR r.text ILIKE ${pattern})`,
    );
  }

  const page = positiveInteger(filters.page ?? 1, 'page');
  const pageSize = positiveInteger(filters.pageSize ?? DEFAULT_PAGE_SIZE, 'pageSize');
  const whereSql = where.join('\n   AND ');
  const sql = `${ACTION_ROW_FROM}
 WHERE ${whereSql}
 ORDER BY ${ORDER_BY[filters.sort ?? 'dueOn']}
 LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  // The count needs no joins (they are many-to-one and never filter) unless q reads r.text
  // or team reads the owner.
  const countSql = `SELECT count(*)::int AS total
  FROM actions a${needsRecommendation ? '\n  JOIN recommendations r ON r.id = a.recommendation_id' : ''}${needsOwner ? '\n  JOIN users u ON u.id = a.owner_id' : ''}
 WHERE ${whereSql}`;
  return { sql, countSql, params };
}
