import { actionRagOf, effectiveRag } from './action-rag';

describe('actionRagOf', () => {
  const today = '2026-06-10';
  const open = { status: 'open' as const, dueOn: '2026-09-01' };
  const behind = { name: 'Audits good', rag: 'amber' as const, reason: 'Behind by 4.' };
  const wellBehind = { name: 'Visits in time', rag: 'red' as const, reason: 'Well behind.' };

  it('is the deadline’s RAG when there are no measures', () => {
    expect(actionRagOf(open, [], today)).toEqual({
      rag: 'green',
      reason: 'On track: the deadline has not passed.',
    });
  });

  it('takes the worst measure, naming it', () => {
    expect(actionRagOf(open, [behind, wellBehind], today)).toEqual({
      rag: 'red',
      reason: 'Visits in time: Well behind.',
    });
  });

  it('keeps the deadline as the reason when a measure is no worse', () => {
    const overdue = { status: 'open' as const, dueOn: '2026-06-01' };
    expect(actionRagOf(overdue, [wellBehind], today).reason).toBe(
      'Overdue: the deadline has passed.',
    );
  });

  it('judges a done action by its measures too', () => {
    expect(actionRagOf({ status: 'completed', dueOn: null }, [behind], today).rag).toBe('amber');
  });

  it('ignores measures without readings', () => {
    const unread = { name: 'New', rag: null, reason: 'No readings yet.' };
    expect(actionRagOf(open, [unread], today).rag).toBe('green');
  });

  it('does not rate a cancelled action, whatever its measures or override', () => {
    const computed = actionRagOf({ status: 'cancelled', dueOn: null }, [wellBehind], today);
    expect(computed.rag).toBeNull();
    expect(effectiveRag(computed, { rag: 'green' })).toBeNull();
  });

  it('lets an override stand in for the computed RAG', () => {
    expect(effectiveRag({ rag: 'red', reason: '' }, { rag: 'amber' })).toBe('amber');
    expect(effectiveRag({ rag: 'red', reason: '' }, null)).toBe('red');
  });
});
