export { AppConfigModule, type AppConfigModuleOptions } from './app-config.module';
export { authConfig, loadAuthConfig, toAuthConfig, type AuthConfig } from './auth.config';
export { appConfig, loadAppConfig, toAppConfig, type AppConfig } from './app.config';
export {
  databaseConfig,
  loadDatabaseConfig,
  toDatabaseConfig,
  type DatabaseConfig,
} from './database.config';
export {
  ENV_EXPECTATIONS,
  ENV_KEYS,
  EnvDto,
  LOG_LEVELS,
  NODE_ENVS,
  parseDuration,
  QUEUE_PREFIX_PATTERN,
} from './env.dto';
export {
  extractConfig,
  loadExtractConfig,
  toExtractConfig,
  type ExtractConfig,
} from './extract.config';
export { loadMailConfig, mailConfig, toMailConfig, type MailConfig } from './mail.config';
export type { EnvKey, LogLevel, NodeEnv } from './env.dto';
export { readEnvironment } from './read-environment';
export {
  hashTaggedPrefix,
  loadRedisConfig,
  redisConfig,
  toRedisConfig,
  type RedisConfig,
} from './redis.config';
export {
  loadRemindersConfig,
  remindersConfig,
  toRemindersConfig,
  type RemindersConfig,
} from './reminders.config';
export {
  loadSsoConfig,
  SSO_CALLBACK_PATH,
  ssoConfig,
  toSsoConfig,
  type SsoConfig,
} from './sso.config';
export {
  EnvValidationError,
  validateEnv,
  validateEnvKeys,
  type Env,
  type RawEnv,
} from './validate-env';
