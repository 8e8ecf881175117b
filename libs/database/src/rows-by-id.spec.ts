import { rowsById } from './rows-by-id';

const SQL = 'SELECT id, name FROM things WHERE id = ANY($1)';

function fakeEm(rows: Array<{ id: string; name: string }>) {
  const query = jest.fn(() => Promise.resolve(rows));
  return { em: { query } as never, query };
}

describe('rowsById', () => {
  const namesOf = rowsById<{ id: string; name: string }>(SQL);

  it('asks for each id once, as one array, and keys the rows by id without it', async () => {
    const { em, query } = fakeEm([
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Bo' },
    ]);
    const found = await namesOf(em, ['a', 'b', 'a']);
    expect(query).toHaveBeenCalledWith(SQL, [['a', 'b']]);
    expect([...found]).toEqual([
      ['a', { name: 'Ann' }],
      ['b', { name: 'Bo' }],
    ]);
  });

  it('leaves out ids with no row', async () => {
    const { em } = fakeEm([{ id: 'a', name: 'Ann' }]);
    const found = await namesOf(em, ['a', 'gone']);
    expect(found.has('gone')).toBe(false);
    expect(found.size).toBe(1);
  });

  it('does not query for no ids', async () => {
    const { em, query } = fakeEm([]);
    expect((await namesOf(em, [])).size).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });
});
