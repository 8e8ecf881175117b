import { withQuery } from './forms';

export type SortDirection = 'asc' | 'desc';

/** What a table's sortable headers need: the current sort and a link for each column. */
export interface SortState {
  key: string;
  direction: SortDirection;
  /** Per column: the link that sorts by it (flipping direction on the current column). */
  links: Record<string, string>;
}

/**
 * Server-side sorting, so tables sort without JavaScript: header links carry `sort` and `order`
 * and keep the page's other filters (page number reset). An unknown key falls back to the default.
 */
export function sortState(
  path: string,
  query: Record<string, unknown>,
  keys: readonly string[],
  fallback: { key: string; direction: SortDirection },
  keep: Record<string, string | undefined> = {},
): SortState {
  const key =
    typeof query.sort === 'string' && keys.includes(query.sort) ? query.sort : fallback.key;
  const direction: SortDirection =
    query.order === 'asc' || query.order === 'desc'
      ? query.order
      : key === fallback.key
        ? fallback.direction
        : 'asc';
  const links: Record<string, string> = {};
  for (const column of keys) {
    const next: SortDirection = column === key && direction === 'asc' ? 'desc' : 'asc';
    links[column] = withQuery(path, { ...keep, sort: column, order: next });
  }
  return { key, direction, links };
}
