import {
  type ArgumentsHost,
  BadRequestException,
  ConflictException,
  HttpException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { HttpErrorFilter } from './http-error.filter';

interface Captured {
  status?: number;
  body?: unknown;
  headers: Record<string, unknown>;
}

function run(exception: unknown, headers: Record<string, string> = {}): Captured {
  const captured: Captured = { headers: {} };
  const req = { headers, method: 'POST', url: '/things', originalUrl: '/things', complete: true };
  const res = {
    headersSent: false,
    getHeader: (name: string) => captured.headers[name],
    setHeader: (name: string, value: unknown) => {
      captured.headers[name] = value;
    },
    status(code: number) {
      captured.status = code;
      return this;
    },
    json(body: unknown) {
      captured.body = body;
      return this;
    },
    end: () => undefined,
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return captured;
}

function bodyOf(exception: unknown) {
  return run(exception, { 'x-request-id': 'req-1' }).body;
}

describe('HttpErrorFilter', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  it('keeps the status and message of an HttpException', () => {
    const captured = run(new NotFoundException('No such action'), { 'x-request-id': 'req-1' });
    expect(captured.status).toBe(404);
    expect(captured.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No such action',
      requestId: 'req-1',
    });
    expect(captured.headers['x-request-id']).toBe('req-1');
    expect(logged).not.toHaveBeenCalled();
  });

  it('joins ValidationPipe messages into one string', () => {
    expect(bodyOf(new BadRequestException(['a must be a string', 'b should not exist']))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a must be a string; b should not exist',
      requestId: 'req-1',
    });
  });

  it('passes on details an exception carries, and only an object', () => {
    expect(
      bodyOf(
        new ConflictException({ message: 'Already imported', details: { inspectionId: 'i-1' } }),
      ),
    ).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Already imported',
      requestId: 'req-1',
      details: { inspectionId: 'i-1' },
    });
    expect(bodyOf(new ConflictException({ message: 'x', details: 'text' }))).not.toHaveProperty(
      'details',
    );
  });

  it('uses the string response of an HttpException', () => {
    expect(bodyOf(new HttpException('Slow down', 429))).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Slow down',
    });
  });

  it('maps raw multer errors', () => {
    const tooBig = Object.assign(new Error('File too large'), {
      name: 'MulterError',
      code: 'LIMIT_FILE_SIZE',
    });
    const unexpected = Object.assign(new Error('Unexpected field'), {
      name: 'MulterError',
      code: 'LIMIT_UNEXPECTED_FILE',
      field: 'avatar',
    });
    expect(bodyOf(tooBig)).toMatchObject({ statusCode: 413, message: 'File too large' });
    expect(bodyOf(unexpected)).toMatchObject({
      statusCode: 400,
      message: 'Unexpected file field "avatar"',
    });
  });

  it('keeps Nest-wrapped multer errors (FileInterceptor)', () => {
    expect(bodyOf(new PayloadTooLargeException('File too large'))).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
    });
  });

  it('hides unknown errors behind a generic 500 and logs them', () => {
    const captured = run(new Error('connection to 10.0.0.5 refused: password=hunter2'));
    expect(captured.status).toBe(500);
    expect(captured.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      requestId: expect.any(String) as unknown,
    });
    expect(JSON.stringify(captured.body)).not.toContain('hunter2');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('answers a database or Redis outage with 503 and Retry-After, not 500', () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const captured = run(outage);
    expect(captured.status).toBe(503);
    expect(captured.headers['Retry-After']).toBe('30');
    expect(captured.body).toMatchObject({
      statusCode: 503,
      message: 'The service is briefly unavailable; try again in a minute',
    });
  });

  it('treats thrown non-errors as 500', () => {
    expect(bodyOf('just a string')).toMatchObject({ statusCode: 500 });
    expect(bodyOf(undefined)).toMatchObject({ statusCode: 500 });
  });
});
