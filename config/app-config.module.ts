import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { toAppConfig } from './app.config';
import { toAuthConfig } from './auth.config';
import { toDatabaseConfig } from './database.config';
import { toExtractConfig } from './extract.config';
import { toMailConfig } from './mail.config';
import { readEnvironment } from './read-environment';
import { toRedisConfig } from './redis.config';
import { toRemindersConfig } from './reminders.config';
import { toSsoConfig } from './sso.config';
import { validateEnv, type RawEnv } from './validate-env';

export interface AppConfigModuleOptions {
  /**
   * The variables to validate. Defaults to the process environment over an optional `.env`
   * file; tests pass a plain object so they never touch `process.env`.
   */
  env?: RawEnv;
}

/**
 * Validates the whole environment once and exposes the `app`, `database`, `redis`, `auth`,
 * `mail`, `reminders`, `extract` and `sso` namespaces globally (inject them with `@Inject(appConfig.KEY)` and `ConfigType`).
 */
@Module({})
export class AppConfigModule {
  static forRoot(options: AppConfigModuleOptions = {}): DynamicModule {
    // Validated here rather than in ConfigModule's `validate` hook: that hook copies the result
    // back into process.env and reports failures through Nest with a stack trace, whereas this
    // throws one EnvValidationError that main.ts prints as a single line before Nest starts.
    const env = validateEnv(options.env ?? readEnvironment());
    return {
      module: AppConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          // The environment was read and validated above: ConfigModule must not read .env or
          // process.env again, nor write anything back into process.env.
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          // Same namespace names as appConfig/databaseConfig/redisConfig, so their KEYs resolve
          // to these providers, built from the validated copy.
          load: [
            registerAs('app', () => toAppConfig(env)),
            registerAs('database', () => toDatabaseConfig(env)),
            registerAs('redis', () => toRedisConfig(env)),
            registerAs('auth', () => toAuthConfig(env)),
            registerAs('mail', () => toMailConfig(env)),
            registerAs('reminders', () => toRemindersConfig(env)),
            registerAs('extract', () => toExtractConfig(env)),
            registerAs('sso', () => toSsoConfig(env)),
          ],
        }),
      ],
      exports: [ConfigModule],
    };
  }
}
