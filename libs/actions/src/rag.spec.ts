import { deadlineRagOf, rollUpRag, worseRag } from './rag';

describe('deadlineRagOf', () => {
  const today = '2026-06-10';
  it.each([
    ['cancelled is not rated', 'cancelled', '2026-01-01', null],
    ['done is green even past its deadline', 'completed', '2026-01-01', 'green'],
    ['verified is green', 'verified', '2026-01-01', 'green'],
    ['due yesterday is red', 'open', '2026-06-09', 'red'],
    ['due today is not yet overdue', 'open', '2026-06-10', 'green'],
    ['blocked and overdue is red', 'blocked', '2026-06-09', 'red'],
    ['blocked in time is amber', 'blocked', '2026-07-01', 'amber'],
    ['a draft with no deadline is green', 'draft', null, 'green'],
  ] as const)('%s', (_name, status, dueOn, rag) => {
    expect(deadlineRagOf({ status, dueOn }, today).rag).toBe(rag);
  });
});

describe('rollUpRag', () => {
  it.each([
    ['nothing in the plan', { live: 0, red: 0, redPriority: 0, amber: 0 }, 'green'],
    ['one red priority action among many', { live: 100, red: 1, redPriority: 1, amber: 0 }, 'red'],
    ['just under a fifth red', { live: 100, red: 19, redPriority: 0, amber: 0 }, 'amber'],
    ['exactly a fifth red', { live: 100, red: 20, redPriority: 0, amber: 0 }, 'red'],
    ['one amber', { live: 10, red: 0, redPriority: 0, amber: 1 }, 'amber'],
    ['all green', { live: 10, red: 0, redPriority: 0, amber: 0 }, 'green'],
  ])('%s', (_name, counts, rag) => {
    expect(rollUpRag(counts)).toBe(rag);
  });
});

describe('worseRag', () => {
  it('takes the worse, with no rating better than any', () => {
    expect(worseRag('green', 'amber')).toBe('amber');
    expect(worseRag('red', 'amber')).toBe('red');
    expect(worseRag(null, 'green')).toBe('green');
    expect(worseRag('amber', null)).toBe('amber');
    expect(worseRag(null, null)).toBeNull();
  });
});
