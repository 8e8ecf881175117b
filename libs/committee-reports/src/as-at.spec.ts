import {
  type ActionRow,
  actionsAt,
  type EntryRow,
  type MeasureRow,
  measuresAt,
  overridesAt,
} from './as-at';

const at = (iso: string) => new Date(iso);

const action: ActionRow = {
  id: 'a1',
  inspectionId: 'i1',
  recommendationId: 'r1',
  reference: 'STK-2026-R1-1',
  sequence: 1,
  title: 'Audit plans',
  ownerId: 'u2',
  dueOn: '2026-09-30',
  originalDueOn: '2026-06-30',
  status: 'completed',
  createdAt: at('2026-01-10T10:00:00Z'),
};

const entry = (occurredAt: string, event: EntryRow['event'], changes: EntryRow['changes']) => ({
  actionId: 'a1',
  actorId: 'u1',
  occurredAt: at(occurredAt),
  event,
  changes,
  reason: null,
});

// Newest first, as the service reads them.
const history: EntryRow[] = [
  entry('2026-08-01T09:00:00Z', 'status_changed', {
    status: { from: 'in_progress', to: 'completed' },
  }),
  entry('2026-07-01T09:00:00Z', 'deadline_revised', {
    dueOn: { from: '2026-06-30', to: '2026-09-30' },
  }),
  entry('2026-03-01T09:00:00Z', 'updated', { ownerId: { from: 'u1', to: 'u2' } }),
];

describe('actionsAt', () => {
  it('undoes, newest first, what changed after the date', () => {
    expect(actionsAt([action], history, at('2026-07-15T00:00:00Z')).get('a1')).toMatchObject({
      status: 'in_progress',
      dueOn: '2026-09-30',
      ownerId: 'u2',
    });
    expect(actionsAt([action], history, at('2026-02-01T00:00:00Z')).get('a1')).toMatchObject({
      status: 'in_progress',
      dueOn: '2026-06-30',
      ownerId: 'u1',
    });
  });

  it('leaves out actions made after the date, and never changes the rows it is given', () => {
    expect(actionsAt([action], history, at('2026-01-01T00:00:00Z')).size).toBe(0);
    const now = actionsAt([action], history, at('2026-12-01T00:00:00Z'));
    expect(now.get('a1')).toBe(action);
    actionsAt([action], history, at('2026-02-01T00:00:00Z'));
    expect(action.status).toBe('completed');
  });
});

describe('measuresAt', () => {
  const measure: MeasureRow = {
    id: 'm1',
    actionId: 'a1',
    name: 'Plans audited good',
    unit: 'percentage',
    direction: 'higher',
    baselineValue: 40,
    baselineOn: '2026-01-01',
    targetValue: 90,
    targetOn: '2026-12-31',
    createdAt: at('2026-02-01T00:00:00Z'),
  };
  const changed = entry('2026-05-01T00:00:00Z', 'measure_changed', {
    measure: { from: 'Plans audited', to: 'Plans audited good' },
    name: { from: 'Plans audited', to: 'Plans audited good' },
    targetValue: { from: 80, to: 90 },
  });

  it('gives a measure’s terms as they stood, matched by the name it had after the change', () => {
    expect(measuresAt([measure], [changed], at('2026-04-01T00:00:00Z')).get('a1')).toEqual([
      { ...measure, name: 'Plans audited', targetValue: 80 },
    ]);
    expect(measuresAt([measure], [changed], at('2026-06-01T00:00:00Z')).get('a1')).toEqual([
      measure,
    ]);
    expect(measuresAt([measure], [changed], at('2026-01-15T00:00:00Z')).get('a1')).toBeUndefined();
  });
});

describe('overridesAt', () => {
  const overrides: EntryRow[] = [
    {
      ...entry('2026-03-01T00:00:00Z', 'rag_overridden', { rag: { from: null, to: 'amber' } }),
      reason: 'Agreed',
    },
    entry('2026-05-01T00:00:00Z', 'rag_override_cleared', { rag: { from: 'amber', to: null } }),
  ];

  it('replays overrides and their removal up to the date', () => {
    expect(overridesAt(overrides, at('2026-02-01T00:00:00Z')).get('a1')).toBeUndefined();
    expect(overridesAt(overrides, at('2026-04-01T00:00:00Z')).get('a1')).toEqual({
      rag: 'amber',
      reason: 'Agreed',
      actorId: 'u1',
    });
    expect(overridesAt(overrides, at('2026-06-01T00:00:00Z')).get('a1')).toBeUndefined();
  });
});
