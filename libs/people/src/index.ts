export { councilCode, distinctiveWords, sameAuthority } from './council-code';
export { councilView } from './council-view';
export { PeopleModule } from './people.module';
export {
  COUNCIL_CODE_PATTERN,
  COUNCIL_NAME_MAX_LENGTH,
  councilSettingsProblem,
  CouncilsService,
  DEFAULT_WINDOW_MONTHS,
  MEASURE_TOLERANCE_PERCENT,
  IMMEDIATE_WINDOW_DAYS,
  isUniqueViolation,
  type CouncilSettings,
  type CreateCouncilInput,
} from './councils.service';
export { Council } from './entities/council.entity';
export { ROLES, User, type Role } from './entities/user.entity';
export {
  ORGANISATION_KIND_NAMES,
  ORGANISATION_KINDS,
  Organisation,
  type OrganisationKind,
} from './entities/organisation.entity';
export {
  ORGANISATION_NAME_MAX_LENGTH,
  OrganisationsService,
  type OrganisationChanges,
  type OrganisationInput,
} from './organisations.service';
export { organisationNamedBy } from './organisation-match';
export {
  EMAIL_PREFERENCES,
  NOTIFICATION_DEFAULTS,
  type EmailPreference,
  type NotificationSettings,
} from './notification-settings';
export {
  EMAIL_UNAVAILABLE,
  normaliseEmail,
  UsersService,
  type CreateUserInput,
  type UserChanges,
  type UserListFilter,
} from './users.service';
export { contactsOf, mailRecipient, type MailRecipient } from './mail-recipient';
export {
  activeAdminsOf,
  councilSettingsOf,
  digestReadersSql,
  peopleToRemindOf,
  type PersonToRemind,
} from './council-reads';
