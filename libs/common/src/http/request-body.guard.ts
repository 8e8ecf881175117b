import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import bodyParser from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BODY_POLICY, type BodyPolicy, DEFAULT_BODY_POLICY, formatBytes } from './body-limit';

/** Methods whose bodies are ignored (and never read). */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the request body, as the last global guard: after the caller is known and allowed, so
 * nobody can make the API buffer a byte without signing in first (the app's own body parsers
 * are off), and within the route's declared limit (@BodyLimit, or DEFAULT_BODY_POLICY). A body
 * whose declared length is over the limit is refused before it is read; one that grows past it
 * while streaming is refused there. Multipart bodies are left, unread, to the route's multer
 * interceptor (which has its own part, field and size limits) on routes that accept uploads,
 * and must declare their length.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  private readonly parsers = new Map<string, RequestHandler>();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (BODYLESS.has(req.method) || !hasBody(req)) return true;
    const policy =
      this.reflector.getAllAndOverride<BodyPolicy | undefined>(BODY_POLICY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_BODY_POLICY;

    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > policy.limit) throw tooLarge(policy);

    if (req.is('multipart/form-data')) {
      if (!policy.multipart) {
        throw new UnsupportedMediaTypeException('This address does not accept file uploads');
      }
      // multer reads a refused upload to its end before answering; a declared length (which
      // browsers always send) is what keeps that end within the limit checked above.
      if (!Number.isFinite(declared)) {
        throw new HttpException(
          'Send the upload with a Content-Length',
          HttpStatus.LENGTH_REQUIRED,
        );
      }
      return true;
    }
    const type = req.is(['application/json', 'application/*+json'])
      ? 'json'
      : req.is('application/x-www-form-urlencoded')
        ? 'form'
        : null;
    if (!type) {
      throw new UnsupportedMediaTypeException(
        'Send the body as JSON (Content-Type: application/json) or as a form',
      );
    }
    await run(this.parser(type, policy.limit), req, http.getResponse<Response>()).catch(
      (error: unknown) => {
        throw asHttpException(error, policy);
      },
    );
    return true;
  }

  private parser(type: 'json' | 'form', limit: number): RequestHandler {
    const key = `${type}:${limit}`;
    let parser = this.parsers.get(key);
    if (!parser) {
      parser =
        type === 'json'
          ? bodyParser.json({ limit, type: () => true })
          : bodyParser.urlencoded(formOptions(limit));
      this.parsers.set(key, parser);
    }
    return parser;
  }
}

/**
 * Nested names ("dueOn[<id>][day]") need qs; the depth and the number of fields are kept small.
 * `depth` is body-parser 2's (its types still describe version 1).
 */
function formOptions(limit: number): bodyParser.OptionsUrlencoded & { depth: number } {
  return { limit, type: () => true, extended: true, depth: 5, parameterLimit: 1000 };
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
  );
}

function run(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    // body-parser passes its own error objects (with `type` and `status`), not always Errors.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const next: NextFunction = (error?: unknown) => (error ? reject(error) : resolve());
    void handler(req, res, next);
  });
}

/**
 * body-parser's errors as the HttpExceptions every filter (API and pages) understands. They
 * carry `type`, and `status` with `expose` when the message is safe to show.
 */
export function asHttpException(error: unknown, policy: BodyPolicy): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { type, status, expose, message } = error as Record<string, unknown>;
  if (type === 'entity.too.large') return tooLarge(policy);
  if (type === 'entity.parse.failed') return new BadRequestException('Malformed request body');
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return new HttpException(String(message), status);
  }
  return error;
}

function tooLarge(policy: BodyPolicy): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `Request body too large: this address accepts up to ${formatBytes(policy.limit)}`,
  );
}
