import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto } from './env.dto';

const SSO_ENV_KEYS = ['SSO_SECRET_KEY', 'APP_URL'] as const;

/** Where a council's OpenID Connect provider sends people back to, under APP_URL. */
export const SSO_CALLBACK_PATH = '/sign-in/sso/callback';

export function toSsoConfig(env: Pick<EnvDto, (typeof SSO_ENV_KEYS)[number]>) {
  return {
    /** The AES-256-GCM key of the stored client secrets; null: single sign-on is off. */
    secretKey: env.SSO_SECRET_KEY ? Buffer.from(env.SSO_SECRET_KEY, 'base64') : null,
    /**
     * The redirect URI every council registers with its provider. From APP_URL, never from the
     * request's Host header, which the caller chooses.
     */
    redirectUri: `${env.APP_URL.replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`,
  };
}

const sso = configNamespace('sso', SSO_ENV_KEYS, toSsoConfig);

/** Validates and reads only the single sign-on variables (the CLI's council:sso). */
export const loadSsoConfig = sso.load;

/** Inject with `@Inject(ssoConfig.KEY) config: SsoConfig`. */
export const ssoConfig = sso.config;
export type SsoConfig = ConfigType<typeof ssoConfig>;
