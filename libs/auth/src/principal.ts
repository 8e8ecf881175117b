import type { Role } from '@app/people';

/** Who is calling, as the access token guard established it from a live session. */
export interface Principal {
  userId: string;
  councilId: string;
  role: Role;
  /** A partner's organisation; null for council staff. */
  organisationId: string | null;
  sessionId: string;
}

const RANK: Record<Role, number> = { partner: 0, staff: 1, manager: 2, admin: 3 };

/**
 * Roles are ranked: an admin can do what a manager can, a manager what staff can, and staff
 * what a partner can (a partner's reach is narrowed further by the services: see ActionsService).
 */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
