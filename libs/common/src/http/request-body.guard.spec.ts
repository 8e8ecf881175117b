import { HttpException } from '@nestjs/common';
import { DEFAULT_BODY_POLICY, formatBytes } from './body-limit';
import { asHttpException } from './request-body.guard';

const statusOf = (error: unknown) => (error as HttpException).getStatus();
const messageOf = (error: unknown) => (error as HttpException).message;

describe('asHttpException (body-parser errors)', () => {
  it('maps size errors to 413 naming the limit', () => {
    const error = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
      expose: true,
    });
    const mapped = asHttpException(error, { limit: 2048, multipart: false });
    expect(statusOf(mapped)).toBe(413);
    expect(messageOf(mapped)).toBe('Request body too large: this address accepts up to 2 KB');
  });

  it('maps parse errors to 400', () => {
    const error = Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
      expose: true,
    });
    const mapped = asHttpException(error, DEFAULT_BODY_POLICY);
    expect(statusOf(mapped)).toBe(400);
    expect(messageOf(mapped)).toBe('Malformed request body');
  });

  it('keeps other exposed 4xx errors with their message', () => {
    const error = Object.assign(new Error('unsupported charset "LATIN-9"'), {
      type: 'charset.unsupported',
      status: 415,
      expose: true,
    });
    const mapped = asHttpException(error, DEFAULT_BODY_POLICY);
    expect(statusOf(mapped)).toBe(415);
    expect(messageOf(mapped)).toBe('unsupported charset "LATIN-9"');
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
