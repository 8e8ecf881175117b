import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import { type EnvDto, parseDuration } from './env.dto';

const MAIL_ENV_KEYS = [
  'SMTP_URL',
  'MAIL_FROM',
  'APP_URL',
  'MAIL_ATTEMPTS',
  'MAIL_RETRY_DELAY',
  'MAIL_CONCURRENCY',
  'DEV_MAIL_SINK_PORT',
  'NODE_ENV',
  'ALLOW_HTTP_APP_URL',
] as const;

export function toMailConfig(env: Pick<EnvDto, (typeof MAIL_ENV_KEYS)[number]>) {
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    /** No trailing slash, so links are `${appUrl}/actions/<id>`. */
    appUrl: env.APP_URL.replace(/\/+$/, ''),
    attempts: env.MAIL_ATTEMPTS,
    // Validated as a duration by EnvDto.
    retryDelayMs: parseDuration(env.MAIL_RETRY_DELAY) ?? 30_000,
    concurrency: env.MAIL_CONCURRENCY,
    /**
     * The local SMTP sink (and /dev/mail, which shows every council's email without sign-in)
     * runs only when NODE_ENV=development is set, whatever the port says: not when it is unset.
     */
    devSinkPort: env.NODE_ENV === 'development' ? env.DEV_MAIL_SINK_PORT : 0,
  };
}

const mail = configNamespace('mail', MAIL_ENV_KEYS, toMailConfig);

/** Validates and reads only the `mail` variables, for code that runs without Nest. */
export const loadMailConfig = mail.load;

/** Inject with `@Inject(mailConfig.KEY) config: MailConfig`. */
export const mailConfig = mail.config;
export type MailConfig = ConfigType<typeof mailConfig>;
