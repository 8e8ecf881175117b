import { Trim } from '@app/common';
import { ROLES } from '@app/people';
import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hasher';

/*
 * The rules for a person's account fields, written once for everyone who takes them: the API's
 * user DTOs (POST and PATCH /api/users) and the admin pages' forms. Their messages are worded
 * for people (GOV.UK style), since the pages show them as they are. Whether a field may be left
 * out (or cleared with null) is each form's own business, so it is not decided here.
 */

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 200;
export const TEAM_MAX_LENGTH = 100;

/**
 * Several decorators as one, applied bottom-up as if stacked, so rule order stays as written:
 * when several rules fail, a page shows the message of the rule listed first on the field, so
 * each field lists its "Enter …" rule before its format and size rules.
 */
const rules =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };

/** A person's full name. */
export const AccountName = (): PropertyDecorator =>
  rules(
    IsNotEmpty({ message: 'Enter their full name' }),
    MaxLength(NAME_MAX_LENGTH, {
      message: `Full name must be ${NAME_MAX_LENGTH} characters or fewer`,
    }),
    IsString({ message: 'Enter their full name' }),
    Trim(),
  );

/** The address they sign in with and get reminders at. */
export const AccountEmail = (): PropertyDecorator =>
  rules(
    IsNotEmpty({ message: 'Enter their email address' }),
    IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.com' }),
    MaxLength(EMAIL_MAX_LENGTH, {
      message: `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`,
    }),
    IsString({ message: 'Enter their email address' }),
    Trim(),
  );

export const AccountRole = (): PropertyDecorator => IsIn(ROLES, { message: 'Select a role' });

/** Their team, when given (an empty one is no team). */
export const AccountTeam = (): PropertyDecorator =>
  rules(
    MaxLength(TEAM_MAX_LENGTH, { message: `Team must be ${TEAM_MAX_LENGTH} characters or fewer` }),
    IsString({ message: 'Enter a team name' }),
    Trim(),
  );

/** Their line manager's id, when given; that it is someone in the council is the service's. */
export const AccountLineManager = (): PropertyDecorator =>
  IsUUID('all', { message: 'Select a line manager from the list' });

/** A partner's organisation id, when given; that it is the council's is the service's. */
export const AccountOrganisation = (): PropertyDecorator =>
  IsUUID('all', { message: 'Select the partner’s organisation from the list' });

/** A password set for someone; `whenMissing` says what to enter. */
export const AccountPassword = (whenMissing = 'Enter a password'): PropertyDecorator =>
  rules(
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `Password must be ${PASSWORD_MIN_LENGTH} characters or more`,
    }),
    MaxLength(PASSWORD_MAX_LENGTH, {
      message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
    }),
    IsString({ message: whenMissing }),
  );

/**
 * The rules of an account's fields, as one import for the API's DTOs and the admin pages'
 * forms: `@AccountField.Email()`, `AccountField.limits.name`.
 */
export const AccountField = {
  Name: AccountName,
  Email: AccountEmail,
  Role: AccountRole,
  Team: AccountTeam,
  LineManager: AccountLineManager,
  Organisation: AccountOrganisation,
  Password: AccountPassword,
  limits: { email: EMAIL_MAX_LENGTH, name: NAME_MAX_LENGTH, team: TEAM_MAX_LENGTH },
} as const;
