import {
  type ActionPeople,
  addressees,
  addressPlan,
  isSharedBatch,
  type Person,
} from './recipients';

const person = (id: string, overrides: Partial<Person> = {}): Person => ({
  id,
  emailPreference: 'every',
  disabled: false,
  ...overrides,
});
const today = '2026-11-30';

describe('addressees', () => {
  const people: ActionPeople = {
    owner: person('owner'),
    lineManager: person('manager'),
    admins: [person('admin-1'), person('admin-2')],
  };

  it('sends owner kinds to the owner, one email each', () => {
    for (const kind of ['assigned', 'due_soon', 'overdue'] as const) {
      expect(addressees(kind, people, today)).toEqual([
        { kind, recipientId: 'owner', batchKey: null },
      ]);
    }
  });

  it('escalates to the line manager in a per-day batch', () => {
    expect(addressees('escalation', people, today)).toEqual([
      { kind: 'escalation', recipientId: 'manager', batchKey: `esc_manager_${today}` },
    ]);
  });

  it('escalates to the admins when the owner has no line manager', () => {
    const recipients = addressees('escalation', { ...people, lineManager: null }, today);
    expect(recipients.map((r) => r.recipientId)).toEqual(['admin-1', 'admin-2']);
  });

  it('does not send an admin escalation to an admin who is also the line manager', () => {
    const admin = person('admin-1');
    const recipients = addressees('admin_escalation', { ...people, lineManager: admin }, today);
    expect(recipients).toEqual([
      { kind: 'admin_escalation', recipientId: 'admin-2', batchKey: `adm_admin-2_${today}` },
    ]);
  });

  it('never escalates to the owner about their own action', () => {
    const owner = person('admin-1');
    const recipients = addressees('admin_escalation', { ...people, owner }, today);
    expect(recipients.map((r) => r.recipientId)).toEqual(['admin-2']);
  });

  it('leaves digest-only people out of reminders but not assignments', () => {
    const owner = person('owner', { emailPreference: 'digest' });
    expect(addressees('due_soon', { ...people, owner }, today)).toEqual([]);
    expect(addressees('assigned', { ...people, owner }, today)).toHaveLength(1);
    const lineManager = person('manager', { emailPreference: 'digest' });
    expect(addressees('escalation', { ...people, lineManager }, today)).toEqual([]);
  });

  it('emails nobody who is disabled', () => {
    const owner = person('owner', { disabled: true });
    expect(addressees('assigned', { ...people, owner }, today)).toEqual([]);
  });
});

describe('addressPlan', () => {
  it('gives admins one escalation, not two, when the owner has no line manager', () => {
    const people: ActionPeople = {
      owner: person('owner'),
      lineManager: null,
      admins: [person('admin-1')],
    };
    expect(addressPlan(['overdue', 'escalation', 'admin_escalation'], people, today)).toEqual([
      { kind: 'overdue', recipientId: 'owner', batchKey: null },
      { kind: 'escalation', recipientId: 'admin-1', batchKey: `esc_admin-1_${today}` },
    ]);
  });

  it('still sends the admin escalation when line managers are not escalated to', () => {
    const people: ActionPeople = {
      owner: person('owner'),
      lineManager: person('manager'),
      admins: [person('admin-1')],
    };
    expect(addressPlan(['admin_escalation'], people, today)).toEqual([
      { kind: 'admin_escalation', recipientId: 'admin-1', batchKey: `adm_admin-1_${today}` },
    ]);
  });
});

describe('isSharedBatch', () => {
  it('tells escalation batches from single emails', () => {
    const people: ActionPeople = {
      owner: person('owner'),
      lineManager: person('manager'),
      admins: [person('admin-1')],
    };
    const [escalation] = addressees('escalation', people, today);
    const [admin] = addressees('admin_escalation', people, today);
    expect(isSharedBatch(escalation?.batchKey ?? '')).toBe(true);
    expect(isSharedBatch(admin?.batchKey ?? '')).toBe(true);
    expect(isSharedBatch('0b8e2f8c-3f6e-4f57-9d0a-8c1e6b0a9f11')).toBe(false);
  });
});

describe('a partner’s overdue action', () => {
  const partnerPeople = (partner: ActionPeople['partner']): ActionPeople => ({
    owner: person('partner-owner'),
    lineManager: null,
    admins: [person('admin-1')],
    partner,
  });
  const recipientsOf = (kind: 'escalation' | 'admin_escalation', people: ActionPeople) =>
    addressees(kind, people, today).map((r) => r.recipientId);

  it('escalates to the partner’s own lead, then the council’s lead for that partner', () => {
    const people = partnerPeople({ lead: person('lead'), councilLead: person('council-lead') });
    expect(recipientsOf('escalation', people)).toEqual(['lead']);
    expect(recipientsOf('admin_escalation', people)).toEqual(['council-lead']);
  });

  it('goes to the council’s lead first when the partner has no lead, then the admins', () => {
    const people = partnerPeople({ lead: null, councilLead: person('council-lead') });
    expect(recipientsOf('escalation', people)).toEqual(['council-lead']);
    expect(recipientsOf('admin_escalation', people)).toEqual(['admin-1']);
  });

  it('passes over a disabled lead, and the lead’s own action', () => {
    const disabled = partnerPeople({
      lead: person('lead', { disabled: true }),
      councilLead: person('council-lead'),
    });
    expect(recipientsOf('escalation', disabled)).toEqual(['council-lead']);
    const own = {
      ...partnerPeople({ lead: person('lead'), councilLead: null }),
      owner: person('lead'),
    };
    expect(recipientsOf('escalation', own)).toEqual(['admin-1']);
  });

  it('falls back on the admins when neither lead is set', () => {
    const people = partnerPeople({ lead: null, councilLead: null });
    expect(recipientsOf('escalation', people)).toEqual(['admin-1']);
    expect(addressPlan(['escalation', 'admin_escalation'], people, today)).toEqual([
      { kind: 'escalation', recipientId: 'admin-1', batchKey: `esc_admin-1_${today}` },
    ]);
  });
});
