import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Request } from 'express';
import { DevMailSink } from './dev-mail-sink';

/**
 * The /dev/mail routes exist only while the development sink runs. Otherwise they answer exactly
 * like a route that does not exist, so nothing hints at a dev tool outside development.
 */
@Injectable()
export class DevMailEnabledGuard implements CanActivate {
  constructor(private readonly sink: DevMailSink) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.sink.enabled) return true;
    const request = context.switchToHttp().getRequest<Request>();
    // Nest's own wording for an unknown route.
    throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
  }
}
