/** Keys whose last turn is remembered; beyond this the longest-unserved is forgotten. */
const REMEMBERED_KEYS = 10_000;

/**
 * Items waiting under keys, taken in order within a key and round-robin across keys: the next
 * item comes from the waiting key served least recently (keys never served first, in order of
 * arrival), so a key with many items waiting gets one turn and then waits for every other
 * waiting key to have one. Each key may hold at most `maxPerKey` items.
 */
export class FairQueue<T> {
  private readonly lines = new Map<string, T[]>();
  // The turn each key was last served in, least recent first. Kept after a key's line empties:
  // a key whose one item is running must not count as new when it sends its next.
  private readonly lastServed = new Map<string, number>();
  private turn = 0;

  constructor(private readonly maxPerKey: number) {}

  /** Adds `item` at the back of `key`'s line; false (and nothing added) when that line is full. */
  push(key: string, item: T): boolean {
    const line = this.lines.get(key);
    if (!line) {
      this.lines.set(key, [item]);
      return true;
    }
    if (line.length >= this.maxPerKey) return false;
    line.push(item);
    return true;
  }

  /** The next item of the key whose turn it is among those `eligible` allows, or undefined. */
  take(eligible: (key: string) => boolean = () => true): T | undefined {
    let next: string | undefined;
    let nextServed = Infinity;
    for (const key of this.lines.keys()) {
      const served = this.lastServed.get(key) ?? 0;
      if (served < nextServed && eligible(key)) {
        next = key;
        nextServed = served;
      }
    }
    if (next === undefined) return undefined;
    const line = this.lines.get(next) as T[];
    if (line.length === 1) this.lines.delete(next);
    this.lastServed.delete(next);
    this.lastServed.set(next, ++this.turn);
    if (this.lastServed.size > REMEMBERED_KEYS) {
      this.lastServed.delete(this.lastServed.keys().next().value as string);
    }
    return line.shift();
  }

  /** How many items wait under `key`. */
  waiting(key: string): number {
    return this.lines.get(key)?.length ?? 0;
  }

  /** Removes and returns every item, key by key. */
  drain(): T[] {
    const items = [...this.lines.values()].flat();
    this.lines.clear();
    return items;
  }
}
