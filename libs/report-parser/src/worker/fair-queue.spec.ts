import { FairQueue } from './fair-queue';

const takeAll = <T>(queue: FairQueue<T>): T[] => {
  const taken: T[] = [];
  for (let item = queue.take(); item !== undefined; item = queue.take()) taken.push(item);
  return taken;
};

describe('FairQueue', () => {
  it('takes keys in turn, each key in its own order', () => {
    const queue = new FairQueue<string>(10);
    for (const item of ['a1', 'a2', 'a3', 'a4']) queue.push('a', item);
    queue.push('b', 'b1');
    queue.push('b', 'b2');
    queue.push('c', 'c1');
    expect(takeAll(queue)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('serves a key that arrives later before a key that has just had its turn', () => {
    const queue = new FairQueue<string>(10);
    queue.push('a', 'a1');
    queue.push('a', 'a2');
    queue.push('a', 'a3');
    expect(queue.take()).toBe('a1');
    queue.push('b', 'b1');
    queue.push('c', 'c1');
    expect(takeAll(queue)).toEqual(['b1', 'c1', 'a2', 'a3']);
  });

  it('remembers a key whose line emptied: its next item waits for the keys behind it', () => {
    const queue = new FairQueue<string>(10);
    queue.push('a', 'a1');
    expect(queue.take()).toBe('a1');
    queue.push('a', 'a2');
    queue.push('b', 'b1');
    expect(takeAll(queue)).toEqual(['b1', 'a2']);
  });

  it('skips keys that are not eligible without losing their place', () => {
    const queue = new FairQueue<string>(10);
    queue.push('a', 'a1');
    queue.push('b', 'b1');
    queue.push('b', 'b2');
    expect(queue.take((key) => key !== 'a')).toBe('b1');
    expect(queue.take((key) => key !== 'a')).toBe('b2');
    expect(queue.take((key) => key !== 'a')).toBeUndefined();
    expect(queue.take()).toBe('a1');
  });

  it('refuses an item over the bound for its key, but not for other keys', () => {
    const queue = new FairQueue<string>(2);
    expect(queue.push('a', 'a1')).toBe(true);
    expect(queue.push('a', 'a2')).toBe(true);
    expect(queue.push('a', 'a3')).toBe(false);
    expect(queue.push('b', 'b1')).toBe(true);
    expect(queue.waiting('a')).toBe(2);
    queue.take();
    expect(queue.push('a', 'a3')).toBe(true);
    expect(takeAll(queue)).toEqual(['b1', 'a2', 'a3']);
  });

  it('drains every item', () => {
    const queue = new FairQueue<string>(5);
    queue.push('a', 'a1');
    queue.push('b', 'b1');
    expect(queue.drain().sort()).toEqual(['a1', 'b1']);
    expect(queue.take()).toBeUndefined();
    expect(queue.waiting('a')).toBe(0);
  });
});
