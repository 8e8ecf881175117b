import type { Role } from '@app/people';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AuthenticatedRequest, REQUIRED_ROLE } from './decorators';
import { hasRole } from './principal';

/**
 * Enforces @RequireRole after the session guard has established who is calling. A signed-in
 * route without it needs council staff: partner users reach only the routes that say
 * @RequireRole('partner'), so a new route is closed to them until someone decides otherwise.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // No principal: a public route or signed-out page (the session guard let it through).
    if (!principal) {
      if (needed) throw new ForbiddenException(refusal(needed));
      return true;
    }
    const floor = needed ?? 'staff';
    if (!hasRole(principal.role, floor)) throw new ForbiddenException(refusal(floor));
    return true;
  }
}

function refusal(needed: Role): string {
  if (needed === 'staff') return 'Only council staff can do this';
  return `Only a ${needed}${needed === 'admin' ? '' : ' or above'} can do this`;
}
