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

/** Enforces @RequireRole after the session guard has established who is calling. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!needed) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal || !hasRole(principal.role, needed)) {
      throw new ForbiddenException(
        `Only a ${needed}${needed === 'admin' ? '' : ' or above'} can do this`,
      );
    }
    return true;
  }
}
