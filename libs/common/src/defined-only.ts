/**
 * `changes` without keys whose value is undefined: DTO instances carry every declared field, and
 * "not given" must not reach the UPDATE as a column to write.
 */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
