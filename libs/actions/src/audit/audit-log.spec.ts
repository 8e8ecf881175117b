import { diff } from './audit-log';

describe('diff', () => {
  it('lists only the named fields that changed, with before and after', () => {
    const before = {
      title: 'Old',
      dueOn: '2026-01-01',
      ownerId: null as string | null,
      status: 'draft',
    };
    expect(
      diff(before, { title: 'Old', dueOn: '2026-02-01', ownerId: 'u1' }, [
        'title',
        'dueOn',
        'ownerId',
        'status',
      ]),
    ).toEqual({
      dueOn: { from: '2026-01-01', to: '2026-02-01' },
      ownerId: { from: null, to: 'u1' },
    });
  });

  it('writes dates as ISO strings', () => {
    const at = new Date('2026-03-04T05:06:07Z');
    expect(
      diff({ completedAt: null as Date | null }, { completedAt: at }, ['completedAt']),
    ).toEqual({
      completedAt: { from: null, to: '2026-03-04T05:06:07.000Z' },
    });
  });
});
