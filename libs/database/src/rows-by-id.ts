import type { EntityManager } from 'typeorm';

/** Rows of one table by id, read on `em` (the caller's transaction or the data source). */
export type ReadById<Fields> = (
  em: Pick<EntityManager, 'query'>,
  ids: readonly string[],
) => Promise<Map<string, Fields>>;

/**
 * A read of rows by id, for a library to offer its table's rows to others: it runs `sql` with the
 * ids, each once, as one uuid array in `$1` (`WHERE id = ANY($1)`) and gives the rows keyed by
 * their `id` (without it). No ids, no query.
 */
export function rowsById<Row extends { id: string }>(sql: string): ReadById<Omit<Row, 'id'>> {
  return async (em, ids) => {
    if (ids.length === 0) return new Map();
    const rows = await em.query<Row[]>(sql, [[...new Set(ids)]]);
    return new Map(rows.map(({ id, ...fields }) => [id, fields]));
  };
}
