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

/** What govukPagination takes: previous/next links and numbered items with ellipses. */
export interface Pagination {
  previous?: { href: string };
  next?: { href: string };
  items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }>;
}

/**
 * Links to the pages of a list, keeping its filters and sort. Shows the first, the last and
 * the neighbours of the current page, with ellipses between. Null for a single page. `fragment`
 * ("#suggestions") takes the reader to the list when it is not at the top of its page.
 */
export function pagination(
  path: string,
  params: Record<string, string | undefined>,
  page: number,
  pages: number,
  fragment = '',
): Pagination | null {
  if (pages <= 1) return null;
  const href = (number: number) =>
    withQuery(path, { ...params, page: number === 1 ? '' : number }) + fragment;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((number) => number >= 1 && number <= pages)
    .sort((a, b) => a - b);
  const items: Pagination['items'] = [];
  let previous = 0;
  for (const number of shown) {
    if (number - previous > 1) items.push({ ellipsis: true });
    items.push({ number, href: href(number), current: number === page });
    previous = number;
  }
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items,
  };
}

/** A page number from the query string; anything else is the first page. */
export function pageOf(query: Record<string, unknown>): number {
  const value = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? +query.page : 1;
  return Math.max(1, value);
}
