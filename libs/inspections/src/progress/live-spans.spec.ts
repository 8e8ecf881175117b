import { liveSpans } from './live-spans';

describe('liveSpans', () => {
  const action = (id: string, status: string) => ({
    id,
    status,
    createdOn: '2026-03-01',
    settledOn: '2026-03-09',
  });

  it('uses the audit log, so a reopened action is live twice', () => {
    expect(
      liveSpans(
        [action('a', 'in_progress')],
        [
          { actionId: 'a', on: '2026-03-02', from: 'draft', to: 'open' },
          { actionId: 'a', on: '2026-03-04', from: 'open', to: 'completed' },
          { actionId: 'a', on: '2026-03-06', from: 'completed', to: 'in_progress' },
        ],
      ),
    ).toEqual([
      { openedOn: '2026-03-01', closedOn: '2026-03-04' },
      { openedOn: '2026-03-06', closedOn: null },
    ]);
  });

  it('falls back to the last change for finished actions with no logged change', () => {
    expect(liveSpans([action('a', 'open'), action('b', 'cancelled')], [])).toEqual([
      { openedOn: '2026-03-01', closedOn: null },
      { openedOn: '2026-03-01', closedOn: '2026-03-09' },
    ]);
  });
});
