import { AuthService, UserAccountsService } from '@app/auth';
import { type Council, CouncilsService, type Role, type User } from '@app/people';
import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import type { TestApp } from '../support/app';

const suffix = (): string => randomBytes(4).toString('hex');

/** A council with a unique name (and a code the caller may fix, e.g. "STK"). */
export function createCouncil(
  t: TestApp,
  input: { name?: string; code?: string } = {},
): Promise<Council> {
  return t.app
    .get(CouncilsService)
    .create({ name: input.name ?? `Testshire ${suffix()} Council`, code: input.code });
}

export interface TestUser {
  user: User;
  password: string;
  /** A live access token, from a real login (AuthService, so the HTTP rate limit is not spent). */
  token: string;
  refreshToken: string;
  /** Adds this user's Authorization header to a supertest request. */
  as<T extends Test>(request: T): T;
}

export interface TestUserInput {
  role?: Role;
  name?: string;
  email?: string;
  team?: string | null;
  lineManagerId?: string | null;
  /** Required for a partner. */
  organisationId?: string | null;
  password?: string;
}

export async function createUser(
  t: TestApp,
  council: Council,
  input: TestUserInput = {},
): Promise<TestUser> {
  const role = input.role ?? 'staff';
  const password = input.password ?? `pw-${suffix()}-${suffix()}`;
  const user = await t.app.get(UserAccountsService).create({
    councilId: council.id,
    email: input.email ?? `${role}.${suffix()}@example.gov.uk`,
    name: input.name ?? `Test ${role} ${suffix()}`,
    role,
    team: input.team ?? null,
    lineManagerId: input.lineManagerId ?? null,
    organisationId: input.organisationId ?? null,
    password,
  });
  const { tokens } = await t.app.get(AuthService).login(user.email, password);
  return {
    user,
    password,
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    as: (request) => request.set('Authorization', `Bearer ${tokens.accessToken}`),
  };
}

/** One council's cast: an admin, a manager and two staff (the second in another team). */
export async function createCouncilWithPeople(
  t: TestApp,
  council?: { name?: string; code?: string },
) {
  const created = await createCouncil(t, council);
  const admin = await createUser(t, created, { role: 'admin' });
  const manager = await createUser(t, created, { role: 'manager', team: 'Quality assurance' });
  const staff = await createUser(t, created, {
    role: 'staff',
    team: 'Children in care',
    lineManagerId: manager.user.id,
  });
  const otherStaff = await createUser(t, created, {
    role: 'staff',
    team: 'Front door',
    lineManagerId: manager.user.id,
  });
  return { council: created, admin, manager, staff, otherStaff };
}
