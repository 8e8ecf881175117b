import { type ActionNow, noLongerOwed, type OwedCheck, type RecipientNow } from './still-owed';

const reminder: OwedCheck = { kind: 'due_soon', dueOn: '2026-12-11', recipientId: 'owner' };
const action: ActionNow = { status: 'open', ownerId: 'owner', dueOn: '2026-12-11' };
const recipient: RecipientNow = { disabled: false, emailPreference: 'every' };

describe('noLongerOwed', () => {
  it('keeps a reminder for a live action, its owner and its deadline', () => {
    expect(noLongerOwed(reminder, action, recipient)).toBeNull();
    expect(noLongerOwed(reminder, { ...action, status: 'blocked' }, recipient)).toBeNull();
  });

  it.each([
    ['completed', 'the action is completed'],
    ['verified', 'the action is verified'],
    ['cancelled', 'the action is cancelled'],
    ['draft', 'the action is draft'],
  ])('drops it once the action is %s', (status, reason) => {
    expect(noLongerOwed(reminder, { ...action, status }, recipient)).toBe(reason);
  });

  it('drops it when the deadline moved or the action changed hands', () => {
    expect(noLongerOwed(reminder, { ...action, dueOn: '2027-01-08' }, recipient)).toBe(
      'the deadline changed',
    );
    expect(noLongerOwed(reminder, { ...action, ownerId: 'someone-else' }, recipient)).toBe(
      'the action was reassigned',
    );
  });

  it('keeps an assignment email whatever the deadline (it is not about the deadline)', () => {
    const assigned: OwedCheck = { kind: 'assigned', dueOn: null, recipientId: 'owner' };
    expect(noLongerOwed(assigned, action, recipient)).toBeNull();
  });

  it('keeps an escalation to the manager when the owner is not its recipient', () => {
    const escalation: OwedCheck = { kind: 'escalation', dueOn: '2026-12-11', recipientId: 'boss' };
    expect(noLongerOwed(escalation, action, recipient)).toBeNull();
  });

  it('respects a digest-only choice made after the reminder was recorded', () => {
    const digestOnly: RecipientNow = { disabled: false, emailPreference: 'digest' };
    expect(noLongerOwed(reminder, action, digestOnly)).toMatch(/weekly summary/);
    expect(noLongerOwed({ ...reminder, kind: 'assigned' }, action, digestOnly)).toBeNull();
    expect(
      noLongerOwed({ kind: 'digest', dueOn: null, recipientId: 'x' }, null, digestOnly),
    ).toBeNull();
  });

  it('sends nothing to a disabled account', () => {
    expect(noLongerOwed(reminder, action, { ...recipient, disabled: true })).toMatch(/disabled/);
    expect(noLongerOwed(reminder, action, null)).toMatch(/disabled/);
  });
});
