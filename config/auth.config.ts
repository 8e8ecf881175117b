import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto } from './env.dto';

const AUTH_ENV_KEYS = [
  'JWT_SECRET',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_DAYS',
  'LOGIN_ATTEMPTS_PER_MINUTE',
  'LOGIN_ATTEMPTS_PER_IP_PER_MINUTE',
] as const;

export function toAuthConfig(env: Pick<EnvDto, (typeof AUTH_ENV_KEYS)[number]>) {
  return {
    jwtSecret: env.JWT_SECRET,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    /** Login attempts per account in a one-minute window. */
    loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
    /** Login attempts per client IP in a one-minute window. */
    loginAttemptsPerIpPerMinute: env.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
  };
}

const auth = configNamespace('auth', AUTH_ENV_KEYS, toAuthConfig);

/** Validates and reads only the auth variables, for code that runs without Nest. */
export const loadAuthConfig = auth.load;

/** Inject with `@Inject(authConfig.KEY) config: AuthConfig`. */
export const authConfig = auth.config;
export type AuthConfig = ConfigType<typeof authConfig>;
