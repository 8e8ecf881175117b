import type { Role } from '@app/people';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLE = 'auth:role';

/** Open to anyone: no access token needed (health, docs, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Needs at least `role` (admin > manager > staff); lower roles get 403. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The caller, on routes the session guard signed in (every route not marked @Public). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // The guard runs first on every non-public route; reaching here without it is a wiring bug.
  if (!principal) throw new Error('CurrentUser used on a route without authentication');
  return principal;
});
