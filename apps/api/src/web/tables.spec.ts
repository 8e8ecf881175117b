import { pageOf, pagination } from './tables';

describe('pagination', () => {
  it('is null for one page', () => {
    expect(pagination('/overdue', {}, 1, 1)).toBeNull();
  });

  it('links the first, last and neighbouring pages, keeping the query', () => {
    const links = pagination('/overdue', { team: 'Front door' }, 5, 9);
    expect(links?.previous?.href).toBe('/overdue?team=Front+door&page=4');
    expect(links?.next?.href).toBe('/overdue?team=Front+door&page=6');
    expect(links?.items.map((i) => (i.ellipsis ? '…' : String(i.number)))).toEqual([
      '1',
      '…',
      '4',
      '5',
      '6',
      '…',
      '9',
    ]);
    expect(links?.items[0]?.href).toBe('/overdue?team=Front+door');
    expect(links?.items.find((i) => i.current)?.number).toBe(5);
  });
});

describe('pageOf', () => {
  it('reads a page number, and takes anything else as the first page', () => {
    expect(pageOf({ page: '3' })).toBe(3);
    expect(pageOf({ page: '0' })).toBe(1);
    expect(pageOf({ page: 'x' })).toBe(1);
    expect(pageOf({})).toBe(1);
  });
});
