export { AccountField } from './account-fields';
export { AccessTokens, bearerTokenOf } from './access-tokens';
export { AuthModule } from './auth.module';
export { AuthService, type IssuedTokens } from './auth.service';
export { CalendarLinks, type CalendarHolder } from './calendar-links';
export {
  CurrentUser,
  IS_PUBLIC,
  Public,
  RequireRole,
  type AuthenticatedRequest,
} from './decorators';
export { CouncilSso } from './entities/council-sso.entity';
export { Session, type SignInMethod } from './entities/session.entity';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordHasher,
  passwordProblem,
} from './password-hasher';
export { hasRole, type Principal } from './principal';
export { RolesGuard } from './roles.guard';
export { SessionsService, type ClientInfo, type RevokeReason } from './sessions.service';
export { TOKEN_ALGORITHMS, TOKEN_AUDIENCE, TOKEN_ISSUER } from './tokens';
export {
  UserAccountsService,
  type AccountChanges,
  type CreateAccountInput,
} from './user-accounts.service';
export { SsoRefused, type SsoRefusal } from './sso/sso-refused';
export { SSO_KEY_MISSING, SsoSecretBox } from './sso/sso-secret-box';
export {
  CLIENT_ID_MAX_LENGTH,
  CLIENT_SECRET_MAX_LENGTH,
  ISSUER_MAX_LENGTH,
  issuerProblem,
  SSO_SETTINGS_BODY_LIMIT,
  SsoField,
} from './sso/sso-fields';
export {
  PASSWORDS_OFF,
  SSO_NOT_SET_UP,
  SsoSettingsService,
  type SsoCouncilChoice,
  type SsoSettingsInput,
  type SsoSettingsView,
} from './sso/sso-settings.service';
export { emailIsVerified, SSO_ATTEMPT_MINUTES, SsoSignInService } from './sso/sso-sign-in.service';
