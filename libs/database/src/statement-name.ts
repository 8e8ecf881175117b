import { createHash } from 'node:crypto';

/**
 * The prepared-statement name for `sql`: derived from the text, so the same statement always
 * gets the same name and different statements never share one (Postgres refuses that).
 */
export function statementName(sql: string): string {
  return `ft_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
}
