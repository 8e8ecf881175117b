import { summarise } from './progress';

describe('summarise', () => {
  it('is green with nothing overdue or blocked, and counts done work against what is not cancelled', () => {
    const progress = summarise([
      { status: 'completed', count: 1, overdue: 0, overduePriority: 0 },
      { status: 'open', count: 2, overdue: 0, overduePriority: 0 },
      { status: 'cancelled', count: 1, overdue: 0, overduePriority: 0 },
    ]);
    expect(progress).toMatchObject({ total: 4, percentComplete: 33, overdue: 0, rag: 'green' });
    expect(progress.byStatus).toMatchObject({ completed: 1, open: 2, cancelled: 1, draft: 0 });
  });

  it('is amber when something is overdue or blocked', () => {
    expect(summarise([{ status: 'open', count: 10, overdue: 1, overduePriority: 0 }]).rag).toBe(
      'amber',
    );
    expect(summarise([{ status: 'blocked', count: 1, overdue: 0, overduePriority: 0 }]).rag).toBe(
      'amber',
    );
  });

  it('is red when a fifth of live actions or any priority action is overdue', () => {
    expect(summarise([{ status: 'open', count: 10, overdue: 2, overduePriority: 0 }]).rag).toBe(
      'red',
    );
    expect(summarise([{ status: 'open', count: 100, overdue: 1, overduePriority: 1 }]).rag).toBe(
      'red',
    );
  });

  it('is green and 0% for an empty plan', () => {
    expect(summarise([])).toMatchObject({ total: 0, percentComplete: 0, rag: 'green' });
  });
});
