import type { EmailPreference } from '@app/people';
import type { NotificationKind } from '../notification-kinds';
import { REMINDER_KINDS } from '../notification-kinds';

/** Someone who might be emailed, as the sweep reads them. */
export interface Person {
  id: string;
  emailPreference: EmailPreference;
  disabled: boolean;
}

export interface ActionPeople {
  owner: Person;
  /** The owner's line manager, if they have an active one. */
  lineManager: Person | null;
  /** The council's active admins. */
  admins: readonly Person[];
  /**
   * When the owner is a partner user: their organisation's own lead and the council's lead for
   * that partner, who take the line manager's place in escalations.
   */
  partner?: { lead: Person | null; councilLead: Person | null } | null;
}

/**
 * Who an overdue action is escalated to first, and then: the line manager, then the admins; for
 * a partner's action, the partner's own lead, then the council's lead for that partner (then
 * the admins, where either is missing). Disabled people are passed over.
 */
function escalationLine(people: ActionPeople): { first: Person | null; then: readonly Person[] } {
  const active = (person: Person | null | undefined): Person | null =>
    person && !person.disabled && person.id !== people.owner.id ? person : null;
  if (!people.partner) {
    const first = active(people.lineManager);
    return { first, then: people.admins.filter((admin) => admin.id !== first?.id) };
  }
  const lead = active(people.partner.lead);
  const councilLead = active(people.partner.councilLead);
  const first = lead ?? councilLead;
  const then =
    councilLead && councilLead !== first
      ? [councilLead]
      : people.admins.filter((admin) => admin.id !== first?.id);
  return { first, then };
}

export interface Addressed {
  kind: NotificationKind;
  recipientId: string;
  /** Emails for the same batch go out as one. */
  batchKey: string | null;
}

/**
 * Who gets each kind of email about one action, and which ones share an email:
 * - the owner gets `assigned`, `due_soon` and `overdue`;
 * - `escalation` goes to the owner's line manager, or to the admins when there is none, so an
 *   overdue action is never escalated to nobody (a partner's: to the partner's own lead);
 * - `admin_escalation` goes to the admins, except one already escalated to as line manager (a
 *   partner's: to the council's lead for that partner);
 * - nobody is escalated to about their own action (they have the owner's email);
 * - digest-only people get no reminders or escalations one by one (their Monday summary has
 *   them), but still hear about assignments, which are news rather than reminders;
 * - escalations to one person on one day share an email (`Escalation: 3 actions overdue...`).
 */
export function addressees(
  kind: NotificationKind,
  people: ActionPeople,
  today: string,
): Addressed[] {
  const wants = (person: Person): boolean =>
    !person.disabled && !(REMINDER_KINDS.includes(kind) && person.emailPreference === 'digest');
  const single = (person: Person): Addressed[] =>
    wants(person) ? [{ kind, recipientId: person.id, batchKey: null }] : [];
  const batched = (persons: readonly Person[], prefix: 'esc' | 'adm'): Addressed[] =>
    persons
      .filter((person) => person.id !== people.owner.id && wants(person))
      .map((person) => ({
        kind,
        recipientId: person.id,
        batchKey: `${prefix}_${person.id}_${today}`,
      }));

  switch (kind) {
    case 'assigned':
    case 'due_soon':
    case 'overdue':
      return single(people.owner);
    case 'escalation': {
      const { first } = escalationLine(people);
      return batched(first ? [first] : people.admins, 'esc');
    }
    case 'admin_escalation':
      return batched(escalationLine(people).then, 'adm');
    // A deadline change is recorded by the change that owes it, never planned by a sweep.
    case 'digest':
    case 'deadline_changed':
      return [];
  }
}

/**
 * Everyone owed an email about one action at once. An admin who is already getting this
 * action's escalation (as line manager, or because the owner has none) does not also get the
 * admin escalation for it.
 */
export function addressPlan(
  kinds: readonly NotificationKind[],
  people: ActionPeople,
  today: string,
): Addressed[] {
  const all = kinds.flatMap((kind) => addressees(kind, people, today));
  const escalated = new Set(
    all.filter((item) => item.kind === 'escalation').map((item) => item.recipientId),
  );
  return all.filter((item) => item.kind !== 'admin_escalation' || !escalated.has(item.recipientId));
}

/** Batches that gather several actions (escalations) rather than one email per row. */
export function isSharedBatch(batchKey: string): boolean {
  return batchKey.startsWith('esc_') || batchKey.startsWith('adm_');
}
