import type { ActionListFilters, ActionSort, ActionView } from '@app/actions';
import type { InspectionOption } from '@app/inspections';
import type { User } from '@app/people';
import { withQuery } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { pageOf, pagination, sortState } from '../tables';
import { overdueRow } from './report-views';

/** Rows per page of the overdue review. */
export const OVERDUE_PAGE_SIZE = 50;

/** The overdue review's columns, and the action list's sort for each ascending. */
const OVERDUE_SORTS = {
  reference: 'reference',
  title: 'title',
  owner: 'owner',
  team: 'team',
  inspection: 'inspection',
  dueOn: 'dueOn',
  // Fewest days overdue first is the latest deadline first.
  daysOverdue: '-dueOn',
  status: 'status',
} as const satisfies Record<string, ActionSort>;

/** `sort` reversed: "-x" for "x", and back. */
const reversed = (sort: ActionSort): ActionSort =>
  (sort.startsWith('-') ? sort.slice(1) : `-${sort}`) as ActionSort;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The overdue review's query string as Express parsed it, so anything may arrive. An interface,
 * so the validation pipe passes it over: overdueView reads only these keys and keeps only the
 * values it offers.
 */
export interface OverdueQuery {
  owner?: unknown;
  team?: unknown;
  inspection?: unknown;
  sort?: unknown;
  order?: unknown;
  page?: unknown;
}

export type OverdueView = ReturnType<typeof overdueView>;

/**
 * The overdue review's filters and sort from the query string. Only values offered in the
 * selects are taken (so nothing from another council); anything else means "all".
 */
export function overdueView(
  query: OverdueQuery,
  people: readonly User[],
  inspections: readonly InspectionOption[],
) {
  const teams = new Map<string, string>();
  for (const person of people) {
    if (person.team && !teams.has(person.team.toLowerCase())) {
      teams.set(person.team.toLowerCase(), person.team);
    }
  }
  const teamList = [...teams.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const ownerParam = text(query.owner);
  const teamParam = text(query.team);
  const inspectionParam = text(query.inspection);
  const filters = {
    owner: people.some((p) => p.id === ownerParam) ? ownerParam : undefined,
    team: teamParam ? teams.get(teamParam.toLowerCase()) : undefined,
    inspection: inspections.some((i) => i.id === inspectionParam) ? inspectionParam : undefined,
  };
  const sort = sortState(
    '/overdue',
    { ...query },
    Object.keys(OVERDUE_SORTS),
    { key: 'daysOverdue', direction: 'desc' },
    filters,
  );
  const page = pageOf({ ...query });
  const teamByOwner = new Map(people.map((p) => [p.id, p.team]));
  const select = <T>(
    items: readonly T[],
    value: (item: T) => string,
    label: (item: T) => string,
    current?: string,
  ) => [
    { value: '', text: 'All', selected: current === undefined },
    ...items.map((item) => ({
      value: value(item),
      text: label(item),
      selected: value(item) === current,
    })),
  ];
  const ascending = OVERDUE_SORTS[sort.key as keyof typeof OVERDUE_SORTS];
  const filtersForList: ActionListFilters = {
    overdue: true,
    ownerId: filters.owner,
    team: filters.team,
    inspectionId: filters.inspection,
    sort: sort.direction === 'asc' ? ascending : reversed(ascending),
  };
  return {
    filters,
    sort,
    page,
    query: filtersForList,
    teamOf: (ownerId: string): string | null => teamByOwner.get(ownerId) ?? null,
    ownerItems: select(
      people,
      (p) => p.id,
      (p) => p.name,
      filters.owner,
    ),
    teamItems: select(
      teamList,
      (t) => t,
      (t) => t,
      filters.team,
    ),
    inspectionItems: select(
      inspections,
      (i) => i.id,
      (i) => (i.title ? `${i.reference}: ${i.title}` : i.reference),
      filters.inspection,
    ),
  };
}

/** One page (`page`, of `pages`) of the overdue review. */
export function overduePage(
  view: OverdueView,
  { items, total }: { items: ActionView[]; total: number },
  page: number,
  pages: number,
): PageLocals {
  const sortParams = { sort: view.sort.key, order: view.sort.direction };
  return {
    title: 'Overdue actions',
    section: 'overdue',
    rows: items.map((action) => overdueRow(action, view.teamOf)),
    total,
    firstRow: total === 0 ? 0 : (page - 1) * OVERDUE_PAGE_SIZE + 1,
    lastRow: Math.min(total, page * OVERDUE_PAGE_SIZE),
    sort: view.sort,
    filters: view.filters,
    filtered: Object.values(view.filters).some((value) => value !== undefined),
    owners: view.ownerItems,
    teams: view.teamItems,
    inspections: view.inspectionItems,
    pagination: pagination('/overdue', { ...view.filters, ...sortParams }, page, pages),
    csvHref: withQuery('/overdue.csv', { ...view.filters, ...sortParams }),
  };
}
