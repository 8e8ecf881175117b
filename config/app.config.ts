import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto, NodeEnv } from './env.dto';

const APP_ENV_KEYS = [
  'NODE_ENV',
  'PORT',
  'LOG_LEVEL',
  'CORS_ORIGINS',
  'TRUST_PROXY_HOPS',
  'QUEUE_BOARD_PASSWORD',
  'QUEUE_BOARD_WRITABLE',
  'APP_URL',
  'ALLOW_HTTP_APP_URL',
] as const;

export function toAppConfig(env: Pick<EnvDto, (typeof APP_ENV_KEYS)[number]>) {
  const nodeEnv: NodeEnv = env.NODE_ENV ?? 'development';
  return {
    /** Unset means development (but see mailConfig.devSinkPort, which needs it said). */
    nodeEnv,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    /** Empty means same-origin only: no CORS headers are sent. */
    corsOrigins: [...env.CORS_ORIGINS],
    /** Reverse proxies whose X-Forwarded-For is believed (Express "trust proxy"). */
    trustProxyHops: env.TRUST_PROXY_HOPS,
    /** Bull Board for the service's operators (HTTP Basic, user "operator"); null: off. */
    queueBoard: {
      password: env.QUEUE_BOARD_PASSWORD === '' ? null : env.QUEUE_BOARD_PASSWORD,
      writable: env.QUEUE_BOARD_WRITABLE,
    },
    /**
     * Every cookie carries Secure: always in production (even with ALLOW_HTTP_APP_URL), and
     * wherever APP_URL is https. Elsewhere a local http run could not keep a Secure cookie.
     */
    secureCookies: nodeEnv === 'production' || env.APP_URL.startsWith('https:'),
  };
}

const app = configNamespace('app', APP_ENV_KEYS, toAppConfig);

/** Validates and reads only the `app` variables, for code that runs without Nest. */
export const loadAppConfig = app.load;

/** Inject with `@Inject(appConfig.KEY) config: AppConfig`. */
export const appConfig = app.config;
export type AppConfig = ConfigType<typeof appConfig>;
