import { HttpException } from '@nestjs/common';
import { DEFAULT_BODY_POLICY, formatBytes } from './body-limit';
import { asHttpException } from './request-body.guard';

const statusOf = (error: unknown) => (error as HttpException).getStatus();
const messageOf = (error: unknown) => (error as HttpException).message;

/** An error as body-parser throws it: exposed, with the type and status it gave. */
const bodyParserError = (error: Error, type: string, status: number): Error =>
  Object.assign(error, { type, status, expose: true });

describe('asHttpException (body-parser errors)', () => {
  it.each([
    {
      does: 'maps size errors to 413 naming the limit',
      error: bodyParserError(new Error('request entity too large'), 'entity.too.large', 413),
      policy: { limit: 2048, multipart: false },
      status: 413,
      message: 'Request body too large: this address accepts up to 2 KB',
    },
    {
      does: 'maps parse errors to 400',
      error: bodyParserError(new SyntaxError('Unexpected token'), 'entity.parse.failed', 400),
      policy: DEFAULT_BODY_POLICY,
      status: 400,
      message: 'Malformed request body',
    },
    {
      does: 'keeps other exposed 4xx errors with their message',
      error: bodyParserError(
        new Error('unsupported charset "LATIN-9"'),
        'charset.unsupported',
        415,
      ),
      policy: DEFAULT_BODY_POLICY,
      status: 415,
      message: 'unsupported charset "LATIN-9"',
    },
  ])('$does', ({ error, policy, status, message }) => {
    const mapped = asHttpException(error, policy);
    expect(statusOf(mapped)).toBe(status);
    expect(messageOf(mapped)).toBe(message);
  });

  it('leaves anything else alone, to become a generic 500', () => {
    const error = new Error('socket hang up');
    expect(asHttpException(error, DEFAULT_BODY_POLICY)).toBe(error);
  });
});

describe('formatBytes', () => {
  it('says limits as people read them', () => {
    expect(formatBytes(100 * 1024)).toBe('100 KB');
    expect(formatBytes(22 * 1024 * 1024)).toBe('22 MB');
    expect(formatBytes(512)).toBe('512 bytes');
  });
});
