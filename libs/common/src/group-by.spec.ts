import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps each group in the order given', () => {
    const grouped = groupBy(
      [
        { a: 'x', n: 1 },
        { a: 'y', n: 2 },
        { a: 'x', n: 3 },
      ],
      (item) => item.a,
    );
    expect([...grouped.keys()]).toEqual(['x', 'y']);
    expect(grouped.get('x')?.map((item) => item.n)).toEqual([1, 3]);
    expect(grouped.get('y')?.map((item) => item.n)).toEqual([2]);
  });
});
