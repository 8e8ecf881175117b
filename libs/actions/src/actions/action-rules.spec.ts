import { ACTION_STATUSES, type ActionStatus } from '../entities/action.entity';
import {
  allowedNext,
  canTransition,
  illegalTransitionMessage,
  mayAddUpdate,
  missingToLeaveDraft,
  patchDenial,
  smartGaps,
} from './action-rules';

describe('status transitions', () => {
  it.each<[ActionStatus, ActionStatus[]]>([
    ['draft', ['open', 'cancelled']],
    ['open', ['in_progress', 'blocked', 'completed', 'cancelled']],
    ['in_progress', ['blocked', 'completed', 'open', 'cancelled']],
    ['blocked', ['open', 'in_progress', 'cancelled']],
    ['completed', ['verified', 'in_progress']],
    ['verified', []],
    ['cancelled', []],
  ])('%s may go to exactly %j', (from, next) => {
    expect([...allowedNext(from)].sort()).toEqual([...next].sort());
    for (const to of ACTION_STATUSES) expect(canTransition(from, to)).toBe(next.includes(to));
  });

  it('names from, to and what is allowed', () => {
    expect(illegalTransitionMessage('draft', 'completed')).toBe(
      'Cannot change status from draft to completed; allowed next: open, cancelled',
    );
    expect(illegalTransitionMessage('verified', 'open')).toContain('verified is final');
  });
});

describe('smartGaps / missingToLeaveDraft', () => {
  it('lists what is missing, in ActionDto and request names', () => {
    const bare = { ownerId: null, dueOn: null, successMeasure: null };
    expect(smartGaps(bare)).toEqual(['owner', 'dueOn', 'successMeasure']);
    expect(missingToLeaveDraft(bare)).toEqual(['ownerId', 'dueOn', 'successMeasure']);
  });

  it('counts a blank success measure as missing', () => {
    expect(smartGaps({ ownerId: 'u', dueOn: '2026-01-01', successMeasure: '  ' })).toEqual([
      'successMeasure',
    ]);
  });

  it('is empty for a SMART action', () => {
    expect(smartGaps({ ownerId: 'u', dueOn: '2026-01-01', successMeasure: 'x' })).toEqual([]);
  });
});

describe('patchDenial', () => {
  const owned = { ownerId: 'staff-1' };
  const staff = { userId: 'staff-1', role: 'staff' as const };
  const manager = { userId: 'm-1', role: 'manager' as const };

  it('lets managers and admins change anything', () => {
    expect(patchDenial(manager, owned, ['title', 'ownerId', 'status'], 'cancelled')).toBeNull();
    expect(patchDenial({ userId: 'a', role: 'admin' }, owned, ['dueOn'], 'verified')).toBeNull();
  });

  it('lets staff move their own action along', () => {
    expect(patchDenial(staff, owned, ['status', 'statusReason'], 'blocked')).toBeNull();
    expect(patchDenial(staff, owned, ['status'], 'in_progress')).toBeNull();
  });

  it('refuses staff on actions they do not own', () => {
    expect(patchDenial(staff, { ownerId: 'other' }, ['status'], 'in_progress')).toMatch(/owner/);
    expect(patchDenial(staff, { ownerId: null }, ['status'], 'in_progress')).toMatch(/owner/);
  });

  it('refuses staff other fields, naming them', () => {
    expect(patchDenial(staff, owned, ['status', 'title', 'dueOn'], 'open')).toMatch(/title, dueOn/);
  });

  it('refuses staff verifying or cancelling', () => {
    expect(patchDenial(staff, owned, ['status'], 'verified')).toMatch(/verified/);
    expect(patchDenial(staff, owned, ['status', 'statusReason'], 'cancelled')).toMatch(/cancelled/);
  });
});

describe('mayAddUpdate', () => {
  it('allows the owner and managers, not other staff', () => {
    expect(mayAddUpdate({ userId: 's', role: 'staff' }, { ownerId: 's' })).toBe(true);
    expect(mayAddUpdate({ userId: 's', role: 'staff' }, { ownerId: 'x' })).toBe(false);
    expect(mayAddUpdate({ userId: 'm', role: 'manager' }, { ownerId: 'x' })).toBe(true);
  });
});
