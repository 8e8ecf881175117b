/**
 * Indexed reads for tests, which know how many rows, actions or matches they expect: a missing
 * item fails the test here, saying which, instead of as a TypeError on `undefined` further on.
 */

/** The item at `index` (negative counts from the end, as `at` does). */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items.at(index);
  if (item === undefined) {
    throw new Error(`Expected an item at index ${index}, but there are ${items.length}`);
  }
  return item;
}

/** The first item. */
export function first<T>(items: readonly T[]): T {
  return nth(items, 0);
}

/** The one and only item: fails when there are none or several. */
export function only<T>(items: readonly T[]): T {
  if (items.length !== 1)
    throw new Error(`Expected exactly one item, but there are ${items.length}`);
  return nth(items, 0);
}

/** `count` items and any others, as a tuple to destructure: `const [a, b] = atLeast(rows, 2)`. */
export type AtLeast<T, N extends number, Items extends T[] = []> = Items['length'] extends N
  ? [...Items, ...T[]]
  : AtLeast<T, N, [...Items, T]>;

/** The items, checked to be at least `count` of them: fails when there are fewer. */
export function atLeast<T, N extends number>(items: readonly T[], count: N): AtLeast<T, N> {
  if (items.length < count) {
    throw new Error(`Expected at least ${count} items, but there are ${items.length}`);
  }
  return [...items] as AtLeast<T, N>;
}
