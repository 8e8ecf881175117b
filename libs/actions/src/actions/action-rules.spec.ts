import { ACTION_STATUSES, type ActionStatus } from '../entities/action.entity';
import {
  allowedNext,
  canSee,
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

const facts = (ownerId: string | null, organisationId: string | null = null) => ({
  ownerId,
  organisationId,
  status: 'open' as const,
});

describe('patchDenial', () => {
  const owned = facts('staff-1');
  const staff = { userId: 'staff-1', role: 'staff' as const };
  const manager = { userId: 'm-1', role: 'manager' as const };
  const partner = { userId: 'p-1', role: 'partner' as const, organisationId: 'org-1' };

  it('lets managers and admins change anything', () => {
    expect(patchDenial(manager, owned, ['title', 'ownerId', 'status'], 'cancelled')).toBeNull();
    expect(patchDenial({ userId: 'a', role: 'admin' }, owned, ['dueOn'], 'verified')).toBeNull();
  });

  it('lets staff move their own action along', () => {
    expect(patchDenial(staff, owned, ['status', 'statusReason'], 'blocked')).toBeNull();
    expect(patchDenial(staff, owned, ['status'], 'in_progress')).toBeNull();
  });

  it('refuses staff on actions they do not own', () => {
    expect(patchDenial(staff, facts('other'), ['status'], 'in_progress')).toMatch(/owner/);
    expect(patchDenial(staff, facts(null), ['status'], 'in_progress')).toMatch(/owner/);
  });

  it('does not let staff act for a partner organisation', () => {
    expect(patchDenial(staff, facts('other', 'org-1'), ['status'], 'in_progress')).toMatch(/owner/);
  });

  it('refuses staff other fields, naming them', () => {
    expect(patchDenial(staff, owned, ['status', 'title', 'dueOn'], 'open')).toMatch(/title, dueOn/);
  });

  it('refuses staff verifying or cancelling', () => {
    expect(patchDenial(staff, owned, ['status'], 'verified')).toMatch(/verified/);
    expect(patchDenial(staff, owned, ['status', 'statusReason'], 'cancelled')).toMatch(/cancelled/);
  });

  it('lets a partner move its own and its organisation’s actions along, nothing more', () => {
    expect(patchDenial(partner, facts('p-1'), ['status'], 'in_progress')).toBeNull();
    expect(patchDenial(partner, facts('s-9', 'org-1'), ['status'], 'blocked')).toBeNull();
    expect(patchDenial(partner, facts('s-9', 'org-2'), ['status'], 'blocked')).toMatch(/owner/);
    expect(patchDenial(partner, facts('p-1'), ['status', 'ownerId'], 'open')).toMatch(
      /council manager can change ownerId/,
    );
    expect(patchDenial(partner, facts('p-1'), ['organisationId'], undefined)).toMatch(
      /organisationId/,
    );
    expect(patchDenial(partner, facts('p-1'), ['status'], 'verified')).toMatch(/verified/);
  });
});

describe('canSee', () => {
  const partner = { userId: 'p-1', role: 'partner' as const, organisationId: 'org-1' };

  it('shows council staff every action of their council', () => {
    expect(canSee({ userId: 's', role: 'staff' }, facts('x', 'org-9'))).toBe(true);
  });

  it('shows a partner its own and its organisation’s actions once out of draft', () => {
    expect(canSee(partner, facts('p-1'))).toBe(true);
    expect(canSee(partner, facts('x', 'org-1'))).toBe(true);
    expect(canSee(partner, facts('x', 'org-2'))).toBe(false);
    expect(canSee(partner, facts('x'))).toBe(false);
    expect(canSee(partner, { ...facts('p-1', 'org-1'), status: 'draft' })).toBe(false);
  });

  it('shows a partner without an organisation only what it owns', () => {
    const alone = { userId: 'p-2', role: 'partner' as const, organisationId: null };
    expect(canSee(alone, facts('x', null))).toBe(false);
    expect(canSee(alone, facts('p-2', null))).toBe(true);
  });
});

describe('mayAddUpdate', () => {
  it('allows the owner and managers, not other staff', () => {
    expect(mayAddUpdate({ userId: 's', role: 'staff' }, facts('s'))).toBe(true);
    expect(mayAddUpdate({ userId: 's', role: 'staff' }, facts('x'))).toBe(false);
    expect(mayAddUpdate({ userId: 'm', role: 'manager' }, facts('x'))).toBe(true);
  });

  it('allows a partner on its organisation’s actions only', () => {
    const partner = { userId: 'p', role: 'partner' as const, organisationId: 'org-1' };
    expect(mayAddUpdate(partner, facts('x', 'org-1'))).toBe(true);
    expect(mayAddUpdate(partner, facts('x', 'org-2'))).toBe(false);
  });
});
