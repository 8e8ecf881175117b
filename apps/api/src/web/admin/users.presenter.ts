import type { Principal } from '@app/auth';
import { type Organisation, ROLES, type Role, type User } from '@app/people';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { sortState } from '../tables';
import { dateTime } from '../view-models';

export const ROLE_LABELS: Record<Role, string> = {
  partner: 'Partner',
  staff: 'Staff',
  manager: 'Manager',
  admin: 'Admin',
};

const ROLE_HINTS: Record<Role, string> = {
  partner: 'From a partner agency: sees and updates only their organisation’s actions',
  staff: 'Works on the actions they own',
  manager: 'Also plans actions, sees the dashboard and overdue list',
  admin: 'Also manages people and council settings',
};

const SORT_KEYS = ['name', 'email', 'role', 'team', 'lineManager', 'status'] as const;
type SortKey = (typeof SORT_KEYS)[number];

const ACTIVE_TAG = { text: 'Enabled', classes: 'govuk-tag--green' };
const DISABLED_TAG = { text: 'Disabled', classes: 'govuk-tag--grey' };

const text = (value: string | null | undefined): string => value ?? '';

function compare(key: SortKey, a: User, b: User): number {
  switch (key) {
    case 'role':
      return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
    case 'status':
      return Number(a.disabledAt !== null) - Number(b.disabledAt !== null);
    case 'lineManager':
      return text(a.lineManager?.name).localeCompare(text(b.lineManager?.name), 'en-GB');
    case 'team':
      return text(a.team).localeCompare(text(b.team), 'en-GB');
    case 'email':
      return a.email.localeCompare(b.email, 'en-GB');
    case 'name':
      return a.name.localeCompare(b.name, 'en-GB');
  }
}

/** /admin/users: everyone in the council, sorted as the query string asks (by name at first). */
export function peoplePage(people: User[], query: { sort?: unknown; order?: unknown }): PageLocals {
  const sort = sortState('/admin/users', query, SORT_KEYS, { key: 'name', direction: 'asc' });
  const key = sort.key as SortKey;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const sorted = [...people].sort(
    (a, b) => sign * compare(key, a, b) || a.name.localeCompare(b.name, 'en-GB'),
  );
  return {
    title: 'People',
    section: 'admin',
    sort,
    people: sorted.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: ROLE_LABELS[user.role],
      team: user.team ?? '',
      lineManager: user.lineManager?.name ?? '',
      status: user.disabledAt ? DISABLED_TAG : ACTIVE_TAG,
    })),
  };
}

/** A person's account as their page shows it. */
function personView(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: ROLE_LABELS[user.role],
    team: user.team ?? 'None',
    lineManager: user.lineManager?.name ?? 'None',
    disabled: user.disabledAt !== null,
    status: user.disabledAt ? DISABLED_TAG : ACTIVE_TAG,
    disabledAt: user.disabledAt ? dateTime(user.disabledAt) : null,
    emailPreference: user.emailPreference === 'digest' ? 'Weekly digest only' : 'Every reminder',
    added: dateTime(user.createdAt),
  };
}

/** The fields of a person's details form, as they are now. */
export function detailsOf(user: User): Record<string, unknown> {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    team: user.team ?? '',
    lineManagerId: user.lineManagerId ?? '',
    organisationId: user.organisationId ?? '',
  };
}

/** The "Line manager" select: anyone enabled in the council (and whoever it is now). */
function managerOptions(people: User[], selected: unknown, exclude: User | null) {
  const choices = people.filter(
    (person) =>
      person.id !== exclude?.id && (!person.disabledAt || person.id === exclude?.lineManagerId),
  );
  return [
    { value: '', text: 'No line manager', selected: !selected },
    ...choices.map((person) => ({
      value: person.id,
      text: person.team ? `${person.name} (${person.team})` : person.name,
      selected: person.id === selected,
    })),
  ];
}

function roleItems(selected: unknown) {
  return ROLES.map((role) => ({
    value: role,
    text: ROLE_LABELS[role],
    hint: { text: ROLE_HINTS[role] },
    checked: role === selected,
  }));
}

/**
 * Adding a person (`user` null) or `user`'s page: the same fields, filled from `state`;
 * `people` is the council (disabled accounts too) for the line manager select.
 */
export function personPage(
  signedIn: Principal,
  user: User | null,
  people: User[],
  state: FormState,
  organisations: readonly Organisation[] = [],
): PageLocals {
  return {
    title: user?.name ?? 'Add a person',
    section: 'admin',
    ...state,
    ...(user && { isSelf: user.id === signedIn.userId, person: personView(user) }),
    roles: roleItems(state.values.role),
    managers: managerOptions(people, state.values.lineManagerId, user),
    organisations: [
      { value: '', text: 'None: council staff', selected: !state.values.organisationId },
      ...organisations.map((organisation) => ({
        value: organisation.id,
        text: organisation.name,
        selected: organisation.id === state.values.organisationId,
      })),
    ],
    hasOrganisations: organisations.length > 0,
  };
}
