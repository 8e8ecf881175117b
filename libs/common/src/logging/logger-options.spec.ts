import { isHealthCheck, loggerParams, REDACTED_PATHS } from './logger-options';

describe('isHealthCheck', () => {
  it.each(['/health', '/health/live', '/health?verbose=1'])('matches %s', (url) =>
    expect(isHealthCheck(url)).toBe(true),
  );

  it.each(['/healthz', '/api/health', '/', undefined])('does not match %p', (url) =>
    expect(isHealthCheck(url)).toBe(false),
  );
});

describe('loggerParams', () => {
  it('sets the level, tags the service and redacts credentials', () => {
    const { pinoHttp } = loggerParams('api', 'warn');
    expect(pinoHttp).toMatchObject({
      level: 'warn',
      base: expect.objectContaining({ service: 'api' }) as unknown,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    });
    expect(REDACTED_PATHS).toEqual(
      expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie']),
    );
  });
});
