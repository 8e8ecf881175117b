import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, MinLength, Matches, Max, Min, ValidateBy } from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
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

/** Only plain digits become numbers, so "3e3" or "80.5" are reported instead of coerced. */
const ToInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );

/**
 * Every environment variable the apps read. Defaults live on the fields; required variables have
 * none. Values arrive as strings and are converted here, so the rest of the code gets real types.
 */
export class EnvDto {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(65535)
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

  // BullMQ joins prefix and queue name with ":", so the prefix itself stays simple.
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  QUEUE_PREFIX: string = 'followthrough';

  // HS256 key: at least 256 bits, as RFC 7518 asks.
  @IsDefined()
  @MinLength(32)
  JWT_SECRET!: string;

  // ASVS asks for short-lived access tokens; 15 minutes is the ceiling, not just the default.
  @ToInteger()
  @IsInt()
  @Min(30)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS: number = 14;

  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ATTEMPTS_PER_MINUTE: number = 5;

  // Higher than per account: a council office may sit behind one address.
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: number = 20;

  // Proxies in front of the API: their X-Forwarded-For is trusted to give the client's IP, which
  // the per-IP login limit needs (behind a load balancer every request comes from its address).
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;
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
  QUEUE_PREFIX: '1-64 letters, digits, "-" or "_"',
  JWT_SECRET: 'a random secret of at least 32 characters (openssl rand -base64 48)',
  ACCESS_TOKEN_TTL_SECONDS: 'an integer 30-900 (seconds an access token lives)',
  REFRESH_TOKEN_TTL_DAYS: 'an integer 1-90 (days a session lasts without logging in again)',
  LOGIN_ATTEMPTS_PER_MINUTE: 'an integer 1-10000 (login attempts per account a minute)',
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: 'an integer 1-10000 (login attempts per client IP a minute)',
  TRUST_PROXY_HOPS: 'an integer 0-10 (reverse proxies in front of the API)',
};

/** Declaration order, which is also the order problems are reported in. */
export const ENV_KEYS = Object.keys(ENV_EXPECTATIONS) as EnvKey[];
