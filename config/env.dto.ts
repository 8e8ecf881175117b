import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  MinLength,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** QUEUE_PREFIX: a plain name, or one already in braces (`followthrough`, `{followthrough}`). */
export const QUEUE_PREFIX_PATTERN = /^(?:[A-Za-z0-9_-]{1,64}|\{[A-Za-z0-9_-]{1,64}\})$/;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Parses `value` as a URL whose scheme is one of `protocols` (with the colon) and that names a host. */
function isUrlWithProtocol(value: unknown, protocols: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function IsUrlWithProtocol(protocols: readonly string[]): PropertyDecorator {
  return ValidateBy({
    name: 'isUrlWithProtocol',
    validator: { validate: (value) => isUrlWithProtocol(value, protocols) },
  });
}

/** Every item is a bare http(s) origin (`https://app.example.org`, no path or trailing slash). */
function IsOriginList(): PropertyDecorator {
  return ValidateBy({
    name: 'isOriginList',
    validator: {
      validate: (value) =>
        Array.isArray(value) &&
        value.every((item) => {
          if (!isUrlWithProtocol(item, ['http:', 'https:'])) return false;
          return new URL(item as string).origin === item;
        }),
    },
  });
}

/** 32 bytes in base64, the AES-256 key SSO_SECRET_KEY names. */
export function isBase64Key32(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(value)) return false;
  return Buffer.from(value, 'base64').length === 32;
}

function IsBase64Key32(): PropertyDecorator {
  return ValidateBy({ name: 'isBase64Key32', validator: { validate: isBase64Key32 } });
}

/** `5m`, `10s`, `250ms`, `1h`: a duration in milliseconds, or undefined when malformed. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h)$/.exec(value);
  if (!match) return undefined;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

function IsDurationBetween(minMs: number, maxMs: number): PropertyDecorator {
  return ValidateBy({
    name: 'isDurationBetween',
    validator: {
      validate: (value) => {
        const ms = typeof value === 'string' ? parseDuration(value) : undefined;
        return ms !== undefined && ms >= minMs && ms <= maxMs;
      },
    },
  });
}

/** Comma-separated whole days before a deadline, each 0-365, no repeats (`28,14,7,1,0`). */
function IsOffsetList(): PropertyDecorator {
  return ValidateBy({
    name: 'isOffsetList',
    validator: {
      validate: (value) =>
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((day) => Number.isInteger(day) && day >= 0 && day <= 365) &&
        new Set(value).size === value.length,
    },
  });
}

/** "true" and "false" become booleans; anything else is left for @IsBoolean to report. */
const ToBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Only plain digits become numbers, so "3e3" or "80.5" are reported instead of coerced. */
const ToInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );

/** A whole number from `min` to `max` (plain digits only, as ToInteger reads them). */
const IntegerBetween = (min: number, max: number): PropertyDecorator =>
  applyDecorators(ToInteger(), IsInt(), Min(min), Max(max));

/**
 * Every environment variable the apps read. Defaults live on the fields; required variables have
 * none. Values arrive as strings and are converted here, so the rest of the code gets real types.
 */
export class EnvDto {
  // No default here: unset behaves as development (see toAppConfig), but what only development
  // may do (the mail sink at /dev/mail) needs it said out loud.
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV?: NodeEnv;

  @IntegerBetween(1, 65535)
  PORT: number = 3000;

  @IsDefined()
  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  @IsDefined()
  @IsUrlWithProtocol(['redis:', 'rediss:'])
  REDIS_URL!: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '')
      : value,
  )
  @IsOriginList()
  CORS_ORIGINS: string[] = [];

  // BullMQ joins prefix and queue name with ":", so the prefix itself stays simple. Braces
  // are allowed around it (a Redis Cluster hash tag); toRedisConfig adds them when missing.
  @Matches(QUEUE_PREFIX_PATTERN)
  QUEUE_PREFIX: string = '{followthrough}';

  // HS256 key: at least 256 bits, as RFC 7518 asks.
  @IsDefined()
  @MinLength(32)
  JWT_SECRET!: string;

  // ASVS asks for short-lived access tokens; 15 minutes is the ceiling, not just the default.
  @IntegerBetween(30, 900)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IntegerBetween(1, 90)
  REFRESH_TOKEN_TTL_DAYS: number = 14;

  @IntegerBetween(1, 10000)
  LOGIN_ATTEMPTS_PER_MINUTE: number = 5;

  // Higher than per account: a council office may sit behind one address.
  @IntegerBetween(1, 10000)
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: number = 20;

  // Encrypts each council's single sign-on client secret at rest (AES-256-GCM). Unset: single
  // sign-on settings cannot be saved, and sign-in through a council's provider is off.
  @IsOptional()
  @IsBase64Key32()
  SSO_SECRET_KEY?: string;

  // Proxies in front of the API: their X-Forwarded-For is trusted to give the client's IP, which
  // the per-IP login limit needs (behind a load balancer every request comes from its address).
  @IntegerBetween(0, 10)
  TRUST_PROXY_HOPS: number = 0;

  // Where reminders are sent: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://.
  @IsDefined()
  @IsUrlWithProtocol(['smtp:', 'smtps:'])
  SMTP_URL!: string;

  @Matches(/^[^\r\n]{3,200}$/)
  MAIL_FROM: string = 'followthrough <no-reply@followthrough.invalid>';

  // Links in emails point here (the web pages), so it is the public address, not PORT. In
  // production it must be https unless ALLOW_HTTP_APP_URL says otherwise (validate-env.ts).
  @IsUrlWithProtocol(['http:', 'https:'])
  APP_URL: string = 'http://localhost:3000';

  // Production only: start with an http:// APP_URL anyway. Cookies stay Secure, so browsers
  // keep them only over https or on localhost.
  @ToBoolean()
  @IsBoolean()
  ALLOW_HTTP_APP_URL: boolean = false;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',').map((day) => (/^\s*\d+\s*$/.test(day) ? Number(day) : Number.NaN))
      : value,
  )
  @IsOffsetList()
  REMINDER_OFFSETS: number[] = [28, 14, 7, 1, 0];

  @IntegerBetween(0, 23)
  SEND_HOUR: number = 8;

  @ToBoolean()
  @IsBoolean()
  WORKING_DAYS_ONLY: boolean = true;

  @IsDurationBetween(1_000, 86_400_000)
  REMINDER_SWEEP_EVERY: string = '5m';

  @IntegerBetween(1, 20)
  MAIL_ATTEMPTS: number = 6;

  // First retry after this long, doubling each time: 30s, 1m, 2m, 4m, 8m by default.
  @IsDurationBetween(10, 3_600_000)
  MAIL_RETRY_DELAY: string = '30s';

  @IntegerBetween(1, 16)
  MAIL_CONCURRENCY: number = 8;

  // Development only: the API runs a local SMTP sink on this port and shows what it caught at
  // GET /dev/mail. 0 turns it off.
  @IntegerBetween(0, 65535)
  DEV_MAIL_SINK_PORT: number = 0;

  // The queue board (/admin/queues) is for the people who run the service, never a council's
  // users: it shows every council's jobs. Empty keeps it switched off.
  @ValidateIf((env: EnvDto) => env.QUEUE_BOARD_PASSWORD !== '')
  @MinLength(24)
  QUEUE_BOARD_PASSWORD: string = '';

  @ToBoolean()
  @IsBoolean()
  QUEUE_BOARD_WRITABLE: boolean = false;

  // Report reading (POST /api/extract and imports): the most a report may ask of the parser.
  @IntegerBetween(1, 100_000)
  EXTRACT_MAX_PAGES: number = 500;

  @IntegerBetween(1_000, 100_000_000)
  EXTRACT_MAX_CHARS: number = 2_000_000;

  // Past this a report's parser thread is ended and replaced: PDFium cannot be stopped otherwise.
  @IntegerBetween(100, 600_000)
  EXTRACT_TIMEOUT_MS: number = 20_000;

  // Parser threads in each API process; one council reads one report at a time.
  @IntegerBetween(1, 32)
  EXTRACT_THREADS: number = 2;

  // Each parser thread's JavaScript heap and PDFium's WebAssembly memory are each held to this.
  @IntegerBetween(64, 2048)
  EXTRACT_MEMORY_MB: number = 256;

  // Reports one council may have waiting for a parser thread in each API process.
  @IntegerBetween(1, 1000)
  EXTRACT_QUEUE_PER_COUNCIL: number = 5;
}

export type EnvKey = keyof EnvDto;

/**
 * What each variable must look like, in the words the boot error uses. Kept beside the class so
 * a new variable cannot be added without saying what it expects (the Record forces every key).
 */
export const ENV_EXPECTATIONS: Record<EnvKey, string> = {
  NODE_ENV: `one of ${NODE_ENVS.join(', ')}`,
  PORT: 'an integer 1-65535',
  DATABASE_URL: 'a postgres:// URL',
  REDIS_URL: 'a redis:// or rediss:// URL',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
  CORS_ORIGINS: 'a comma-separated list of http(s) origins such as https://app.example.org',
  QUEUE_PREFIX: '1-64 letters, digits, "-" or "_", optionally in braces: {followthrough}',
  JWT_SECRET: 'a random secret of at least 32 characters (openssl rand -base64 48)',
  ACCESS_TOKEN_TTL_SECONDS: 'an integer 30-900 (seconds an access token lives)',
  REFRESH_TOKEN_TTL_DAYS: 'an integer 1-90 (days a session lasts without logging in again)',
  LOGIN_ATTEMPTS_PER_MINUTE: 'an integer 1-10000 (login attempts per account a minute)',
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: 'an integer 1-10000 (login attempts per client IP a minute)',
  SSO_SECRET_KEY:
    '32 random bytes in base64, 44 characters ending in "=" (openssl rand -base64 32), or unset to turn single sign-on off',
  TRUST_PROXY_HOPS: 'an integer 0-10 (reverse proxies in front of the API)',
  SMTP_URL: 'an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587',
  MAIL_FROM: 'a sender such as "Children\'s services <actions@council.gov.uk>" (one line)',
  APP_URL: 'the http(s) address people open the service at, used for links in emails',
  ALLOW_HTTP_APP_URL: 'true or false (true lets NODE_ENV=production start with an http:// APP_URL)',
  REMINDER_OFFSETS: 'comma-separated days before a deadline, each 0-365, such as 28,14,7,1,0',
  SEND_HOUR: 'an integer 0-23 (hour in England when reminders go out)',
  WORKING_DAYS_ONLY: 'true or false (send only on working days in England)',
  REMINDER_SWEEP_EVERY: 'a duration from 1s to 24h such as 5m, 30s or 1h',
  MAIL_ATTEMPTS: 'an integer 1-20 (tries per email before it is marked failed)',
  MAIL_RETRY_DELAY: 'a duration from 10ms to 1h such as 30s (first retry; it doubles after)',
  MAIL_CONCURRENCY: 'an integer 1-16 (emails one worker sends at once)',
  DEV_MAIL_SINK_PORT:
    'an integer 0-65535 (0 turns the development mail sink off; it runs only with NODE_ENV=development)',
  QUEUE_BOARD_PASSWORD:
    'empty (queue board off) or the operators’ password of at least 24 characters (openssl rand -base64 24)',
  QUEUE_BOARD_WRITABLE: 'true or false (operators may retry, clean and pause queues on the board)',
  EXTRACT_MAX_PAGES: 'an integer 1-100000 (pages a report may have)',
  EXTRACT_MAX_CHARS: 'an integer 1000-100000000 (characters of text a report may have)',
  EXTRACT_TIMEOUT_MS: 'an integer 100-600000 (milliseconds one report may take to read)',
  EXTRACT_THREADS: 'an integer 1-32 (report parser threads per API process)',
  EXTRACT_MEMORY_MB: 'an integer 64-2048 (MB of memory each parser thread may use)',
  EXTRACT_QUEUE_PER_COUNCIL: 'an integer 1-1000 (reports one council may have waiting)',
};

/** Declaration order, which is also the order problems are reported in. */
export const ENV_KEYS = Object.keys(ENV_EXPECTATIONS) as EnvKey[];
