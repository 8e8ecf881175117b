import { daysLeft, isOverdue, overdueSql } from './overdue';

describe('overdue', () => {
  const today = '2026-11-23';

  it('is overdue only when the deadline has passed and the action is still live', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-22' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: today }, today)).toBe(false);
    expect(isOverdue({ status: 'completed', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'draft', dueOn: null }, today)).toBe(false);
  });

  it('counts days left, negative when overdue', () => {
    expect(daysLeft('2026-11-30', today)).toBe(7);
    expect(daysLeft('2026-11-20', today)).toBe(-3);
    expect(daysLeft(null, today)).toBeNull();
  });

  it('has an SQL twin naming the live statuses', () => {
    expect(overdueSql('a')).toBe(
      "(a.due_on < :today AND a.status IN ('draft', 'open', 'in_progress', 'blocked'))",
    );
  });
});
