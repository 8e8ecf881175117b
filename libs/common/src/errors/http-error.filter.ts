import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { hangUpOnUnreadBody } from '../http/hang-up-unread-body';
import { ensureRequestId } from '../logging/request-id';
import { retryAfterOf } from './try-again-later';
import { isServiceUnavailable } from './service-unavailable';
import type { ErrorResponse } from './error-response';

interface Described {
  statusCode: number;
  message: string;
  details?: Record<string, unknown>;
}

const GENERIC_SERVER_ERROR = 'Internal server error';
/** A database or Redis outage: nothing wrong with the request, so it may simply be sent again. */
const UNAVAILABLE = 'The service is briefly unavailable; try again in a minute';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `details` given as `new ConflictException({ message, details: { inspectionId } })`. */
function detailsOf(exception: HttpException): Record<string, unknown> | undefined {
  const response = exception.getResponse();
  if (isRecord(response) && isRecord(response.details) && !Array.isArray(response.details)) {
    return response.details;
  }
  return undefined;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  if (isRecord(response)) {
    const { message } = response;
    // ValidationPipe puts one entry per problem in an array; we join them (see ErrorResponse).
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/**
 * Errors raised before a route handler runs and not wrapped by Nest: multer's when used without
 * FileInterceptor (`name: 'MulterError'`). Bodies are read by RequestBodyGuard, which throws
 * HttpExceptions of its own.
 */
function describeMiddlewareError(exception: Record<string, unknown>): Described | undefined {
  if (exception.name === 'MulterError') {
    switch (exception.code) {
      case 'LIMIT_FILE_SIZE':
        return { statusCode: HttpStatus.PAYLOAD_TOO_LARGE, message: 'File too large' };
      case 'LIMIT_UNEXPECTED_FILE':
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          message:
            typeof exception.field === 'string'
              ? `Unexpected file field "${exception.field}"`
              : 'Unexpected file field',
        };
      default:
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          message: typeof exception.message === 'string' ? exception.message : 'Bad upload',
        };
    }
  }
  return undefined;
}

/**
 * The one error filter: every failure leaves as `{ statusCode, error, message, requestId }`.
 * Unknown errors become a 500 with a generic message and are logged with their stack; stacks
 * and internal messages never reach the client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = ensureRequestId(request, response);
    const { statusCode, message, details } = this.describe(exception);

    if (statusCode >= 500) {
      this.logger.error(
        {
          err: exception,
          requestId,
          method: request.method,
          url: request.originalUrl ?? request.url,
        },
        exception instanceof Error ? exception.message : 'Non-error thrown',
      );
    }

    hangUpOnUnreadBody(request, response);
    if (response.headersSent) {
      // Part of a response already went out (e.g. a stream failed): all we can do is stop.
      response.end();
      return;
    }
    const body: ErrorResponse = {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
      requestId,
      ...(details && statusCode < 500 && { details }),
    };
    // Clients and proxies may send it again after this many seconds.
    const retryAfter = retryAfterOf(exception, statusCode);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(statusCode).json(body);
  }

  private describe(exception: unknown): Described {
    if (exception instanceof HttpException) {
      return {
        statusCode: exception.getStatus(),
        message: messageOf(exception),
        details: detailsOf(exception),
      };
    }
    if (isRecord(exception)) {
      const described = describeMiddlewareError(exception);
      if (described) return described;
    }
    if (isServiceUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: UNAVAILABLE };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: GENERIC_SERVER_ERROR };
  }
}
