import type { Role } from '@app/people';

/** Who is calling, as the access token guard established it from a live session. */
export interface Principal {
  userId: string;
  councilId: string;
  role: Role;
  sessionId: string;
}

const RANK: Record<Role, number> = { staff: 0, manager: 1, admin: 2 };

/** Roles are ranked: an admin can do what a manager can, a manager what staff can. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
