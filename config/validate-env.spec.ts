import { EnvValidationError, validateEnv, validateEnvKeys } from './validate-env';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/followthrough',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-test-secret-of-at-least-32-characters',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

function messageFor(raw: Record<string, string | undefined>): string {
  try {
    validateEnv(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvValidationError);
    return (error as Error).message;
  }
  throw new Error('expected validateEnv to throw');
}

describe('validateEnv', () => {
  it('applies defaults when only the required variables are set', () => {
    expect({ ...validateEnv(valid) }).toEqual({
      // Unset stays unset: the apps read it as development, but /dev/mail needs it said.
      NODE_ENV: undefined,
      PORT: 3000,
      DATABASE_URL: valid.DATABASE_URL,
      REDIS_URL: valid.REDIS_URL,
      LOG_LEVEL: 'info',
      CORS_ORIGINS: [],
      QUEUE_PREFIX: '{followthrough}',
      JWT_SECRET: valid.JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 14,
      LOGIN_ATTEMPTS_PER_MINUTE: 5,
      LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: 20,
      SSO_SECRET_KEY: undefined,
      TRUST_PROXY_HOPS: 0,
      SMTP_URL: valid.SMTP_URL,
      MAIL_FROM: 'followthrough <no-reply@followthrough.invalid>',
      APP_URL: 'http://localhost:3000',
      ALLOW_HTTP_APP_URL: false,
      REMINDER_OFFSETS: [28, 14, 7, 1, 0],
      SEND_HOUR: 8,
      WORKING_DAYS_ONLY: true,
      REMINDER_SWEEP_EVERY: '5m',
      MAIL_ATTEMPTS: 6,
      MAIL_RETRY_DELAY: '30s',
      MAIL_CONCURRENCY: 8,
      DEV_MAIL_SINK_PORT: 0,
      QUEUE_BOARD_PASSWORD: '',
      QUEUE_BOARD_WRITABLE: false,
      EXTRACT_MAX_PAGES: 500,
      EXTRACT_MAX_CHARS: 2_000_000,
      EXTRACT_TIMEOUT_MS: 20_000,
      EXTRACT_THREADS: 2,
      EXTRACT_MEMORY_MB: 256,
      EXTRACT_QUEUE_PER_COUNCIL: 5,
    });
  });

  it('takes the queue board password only when long enough to be a real secret', () => {
    expect(
      validateEnv({ ...valid, QUEUE_BOARD_PASSWORD: 'x'.repeat(24) }).QUEUE_BOARD_PASSWORD,
    ).toBe('x'.repeat(24));
    expect(messageFor({ ...valid, QUEUE_BOARD_PASSWORD: 'short-password' })).toContain(
      'QUEUE_BOARD_PASSWORD',
    );
  });

  it('takes an SSO_SECRET_KEY of exactly 32 bytes in base64, and says how to make one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(validateEnv({ ...valid, SSO_SECRET_KEY: key }).SSO_SECRET_KEY).toBe(key);
    for (const bad of [
      Buffer.alloc(16, 7).toString('base64'),
      'not base64 at all',
      'x'.repeat(44),
    ]) {
      const message = messageFor({ ...valid, SSO_SECRET_KEY: bad });
      expect(message).toContain('SSO_SECRET_KEY must be 32 random bytes in base64');
      expect(message).toContain('openssl rand -base64 32');
      expect(message).not.toContain(bad);
    }
  });

  it('reads the reminder settings', () => {
    const env = validateEnv({
      ...valid,
      REMINDER_OFFSETS: '14, 3,0',
      SEND_HOUR: '7',
      WORKING_DAYS_ONLY: 'false',
      REMINDER_SWEEP_EVERY: '10s',
    });
    expect(env.REMINDER_OFFSETS).toEqual([14, 3, 0]);
    expect(env.SEND_HOUR).toBe(7);
    expect(env.WORKING_DAYS_ONLY).toBe(false);
    expect(env.REMINDER_SWEEP_EVERY).toBe('10s');
  });

  it.each([
    ['REMINDER_OFFSETS', '7,7'],
    ['REMINDER_OFFSETS', '7,x'],
    ['REMINDER_OFFSETS', '400'],
    ['SEND_HOUR', '24'],
    ['WORKING_DAYS_ONLY', 'yes'],
    ['REMINDER_SWEEP_EVERY', '5 minutes'],
    ['REMINDER_SWEEP_EVERY', '500ms'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['MAIL_FROM', 'a@b.c\r\nBcc: x@y.z'],
    ['MAIL_CONCURRENCY', '17'],
    ['EXTRACT_MAX_PAGES', '0'],
    ['EXTRACT_MAX_CHARS', '2e6'],
    ['EXTRACT_TIMEOUT_MS', '50'],
    ['EXTRACT_THREADS', '0'],
    ['EXTRACT_MEMORY_MB', '4096'],
    ['EXTRACT_QUEUE_PER_COUNCIL', '0'],
  ])('refuses %s=%j, naming it', (key, value) => {
    expect(messageFor({ ...valid, [key]: value })).toContain(`${key} must be`);
  });

  it('reads the report reading limits', () => {
    const env = validateEnv({
      ...valid,
      EXTRACT_MAX_PAGES: '100',
      EXTRACT_MAX_CHARS: '50000',
      EXTRACT_TIMEOUT_MS: '5000',
      EXTRACT_THREADS: '4',
      EXTRACT_MEMORY_MB: '384',
      EXTRACT_QUEUE_PER_COUNCIL: '2',
    });
    expect(env).toMatchObject({
      EXTRACT_MAX_PAGES: 100,
      EXTRACT_MAX_CHARS: 50_000,
      EXTRACT_TIMEOUT_MS: 5000,
      EXTRACT_THREADS: 4,
      EXTRACT_MEMORY_MB: 384,
      EXTRACT_QUEUE_PER_COUNCIL: 2,
    });
  });

  it('converts and keeps supplied values', () => {
    const env = validateEnv({
      ...valid,
      NODE_ENV: 'production',
      APP_URL: 'https://actions.example.gov.uk',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.example.org, http://localhost:5173,',
      QUEUE_PREFIX: 'ft_staging-1',
      DATABASE_URL: 'postgresql://user:secret@db.internal/app',
      REDIS_URL: 'rediss://cache.internal:6380/2',
    });
    expect(env.NODE_ENV).toBe('production');
    expect(env.PORT).toBe(8080);
    expect(env.LOG_LEVEL).toBe('warn');
    expect(env.CORS_ORIGINS).toEqual(['https://a.example.org', 'http://localhost:5173']);
    expect(env.QUEUE_PREFIX).toBe('ft_staging-1');
  });

  it('ignores unrelated variables', () => {
    expect(validateEnv({ ...valid, PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('lists every problem in one error, in declaration order', () => {
    expect(messageFor({ PORT: '0' })).toBe(
      'Invalid environment: PORT must be an integer 1-65535; ' +
        'DATABASE_URL is required (a postgres:// URL); ' +
        'REDIS_URL is required (a redis:// or rediss:// URL); ' +
        'JWT_SECRET is required (a random secret of at least 32 characters (openssl rand -base64 48)); ' +
        'SMTP_URL is required (an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587)',
    );
  });

  it('reads the example from the brief', () => {
    expect(messageFor({ ...valid, DATABASE_URL: undefined, PORT: 'http' })).toBe(
      'Invalid environment: PORT must be an integer 1-65535; DATABASE_URL is required (a postgres:// URL)',
    );
  });

  it('refuses a JWT_SECRET too short to be a real key, without echoing it', () => {
    expect(messageFor({ ...valid, JWT_SECRET: 'secret' })).toBe(
      'Invalid environment: JWT_SECRET must be a random secret of at least 32 characters (openssl rand -base64 48)',
    );
  });

  it('caps access tokens at 15 minutes', () => {
    expect(messageFor({ ...valid, ACCESS_TOKEN_TTL_SECONDS: '3600' })).toBe(
      'Invalid environment: ACCESS_TOKEN_TTL_SECONDS must be an integer 30-900 (seconds an access token lives)',
    );
  });

  it('treats an empty or blank value as missing', () => {
    expect(messageFor({ ...valid, DATABASE_URL: '  ' })).toBe(
      'Invalid environment: DATABASE_URL is required (a postgres:// URL)',
    );
  });

  it.each(['abc', '80.5', '3e3', '65536', '-1'])('rejects PORT=%s', (port) => {
    expect(messageFor({ ...valid, PORT: port })).toBe(
      'Invalid environment: PORT must be an integer 1-65535',
    );
  });

  it('rejects a URL with the wrong scheme without echoing it', () => {
    const message = messageFor({ ...valid, DATABASE_URL: 'mysql://root:hunter2@db/app' });
    expect(message).toBe('Invalid environment: DATABASE_URL must be a postgres:// URL');
    expect(message).not.toContain('hunter2');
  });

  it('rejects a REDIS_URL that is not a URL', () => {
    expect(messageFor({ ...valid, REDIS_URL: '127.0.0.1:6379' })).toBe(
      'Invalid environment: REDIS_URL must be a redis:// or rediss:// URL',
    );
  });

  it('rejects unknown NODE_ENV and LOG_LEVEL values', () => {
    expect(messageFor({ ...valid, NODE_ENV: 'staging', LOG_LEVEL: 'verbose' })).toBe(
      'Invalid environment: NODE_ENV must be one of development, test, production; ' +
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('rejects CORS origins with a path or another scheme', () => {
    for (const origins of ['https://a.example.org/', 'ftp://a.example.org', 'a.example.org']) {
      expect(messageFor({ ...valid, CORS_ORIGINS: origins })).toMatch(
        /^Invalid environment: CORS_ORIGINS must be a comma-separated list of http\(s\) origins/,
      );
    }
  });

  describe('in production', () => {
    const production = { ...valid, NODE_ENV: 'production' };
    const HTTP_REFUSED =
      'Invalid environment: APP_URL must be an https:// address when NODE_ENV=production ' +
      '(people sign in there and emails link there). Behind a proxy that terminates TLS, give ' +
      'the https:// address people open. To run on plain http anyway (a trial on localhost), ' +
      'set ALLOW_HTTP_APP_URL=true';

    it('refuses an http APP_URL, the default included, saying what to do', () => {
      expect(messageFor({ ...production, APP_URL: 'http://actions.example.gov.uk' })).toBe(
        HTTP_REFUSED,
      );
      expect(messageFor(production)).toBe(HTTP_REFUSED);
    });

    it('accepts an https APP_URL', () => {
      expect(
        validateEnv({ ...production, APP_URL: 'https://actions.example.gov.uk' }).APP_URL,
      ).toBe('https://actions.example.gov.uk');
    });

    it('accepts http only with ALLOW_HTTP_APP_URL=true, and refuses a value that is not a boolean', () => {
      expect(
        validateEnv({ ...production, APP_URL: 'http://localhost:3000', ALLOW_HTTP_APP_URL: 'true' })
          .ALLOW_HTTP_APP_URL,
      ).toBe(true);
      expect(messageFor({ ...production, ALLOW_HTTP_APP_URL: 'false' })).toBe(HTTP_REFUSED);
      expect(messageFor({ ...production, ALLOW_HTTP_APP_URL: 'yes' })).toBe(
        'Invalid environment: ALLOW_HTTP_APP_URL must be true or false (true lets ' +
          'NODE_ENV=production start with an http:// APP_URL); ' +
          HTTP_REFUSED.replace('Invalid environment: ', ''),
      );
    });

    it('does not mind http outside production', () => {
      for (const NODE_ENV of ['development', 'test', undefined]) {
        expect(validateEnv({ ...valid, NODE_ENV, APP_URL: 'http://10.0.0.5:3000' }).APP_URL).toBe(
          'http://10.0.0.5:3000',
        );
      }
    });
  });

  it('rejects a QUEUE_PREFIX with characters BullMQ uses as separators', () => {
    expect(messageFor({ ...valid, QUEUE_PREFIX: 'ft:test' })).toBe(
      'Invalid environment: QUEUE_PREFIX must be 1-64 letters, digits, "-" or "_", optionally in braces: {followthrough}',
    );
  });
});

describe('validateEnvKeys', () => {
  it('checks only the requested variables', () => {
    expect(validateEnvKeys({ DATABASE_URL: valid.DATABASE_URL }, ['DATABASE_URL'])).toMatchObject({
      DATABASE_URL: valid.DATABASE_URL,
    });
  });

  it('reports only the requested variables', () => {
    expect(() => validateEnvKeys({ PORT: 'nope' }, ['DATABASE_URL'])).toThrow(
      new EnvValidationError(['DATABASE_URL is required (a postgres:// URL)']),
    );
  });
});
