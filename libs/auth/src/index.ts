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
export { Session } from './entities/session.entity';
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
