import { Trim } from '@app/common';
import { IsBoolean, IsNotEmpty, IsString, MaxLength, ValidateBy } from 'class-validator';

/*
 * The rules of a council's single sign-on settings, written once for the API's DTO
 * (PUT /api/council/sso) and the admin page's form, with messages worded for people.
 */

export const ISSUER_MAX_LENGTH = 500;
export const CLIENT_ID_MAX_LENGTH = 200;
export const CLIENT_SECRET_MAX_LENGTH = 500;

/** The settings are a few hundred bytes (API and page): anything near this is not them. */
export const SSO_SETTINGS_BODY_LIMIT = 8 * 1024;

/** Hosts an issuer may be reached at over plain http: this machine only (tests, a trial). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `issuer` cannot be a provider's issuer, or null. https only: the ID token's keys and the
 * client secret travel to it. Plain http only to this machine (the tests' provider).
 */
export function issuerProblem(issuer: string): string | null {
  const message =
    'Enter the issuer as an https address, like https://login.microsoftonline.com/<tenant id>/v2.0';
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return message;
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return message;
  }
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? null : message;
}

const rules =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };

const IsIssuer = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIssuer',
    validator: {
      validate: (value) => typeof value === 'string' && issuerProblem(value) === null,
      defaultMessage: () =>
        'Enter the issuer as an https address, like https://login.microsoftonline.com/<tenant id>/v2.0',
    },
  });

export const SsoField = {
  /** The provider's issuer; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  Issuer: (): PropertyDecorator =>
    rules(
      IsNotEmpty({ message: 'Enter the issuer' }),
      MaxLength(ISSUER_MAX_LENGTH, {
        message: `Issuer must be ${ISSUER_MAX_LENGTH} characters or fewer`,
      }),
      IsIssuer(),
      IsString({ message: 'Enter the issuer' }),
      Trim(),
    ),
  ClientId: (): PropertyDecorator =>
    rules(
      IsNotEmpty({ message: 'Enter the client ID' }),
      MaxLength(CLIENT_ID_MAX_LENGTH, {
        message: `Client ID must be ${CLIENT_ID_MAX_LENGTH} characters or fewer`,
      }),
      IsString({ message: 'Enter the client ID' }),
      Trim(),
    ),
  /** Optional once one is stored: left out keeps it. */
  ClientSecret: (): PropertyDecorator =>
    rules(
      IsNotEmpty({ message: 'Enter the client secret' }),
      MaxLength(CLIENT_SECRET_MAX_LENGTH, {
        message: `Client secret must be ${CLIENT_SECRET_MAX_LENGTH} characters or fewer`,
      }),
      IsString({ message: 'Enter the client secret' }),
    ),
  PasswordsAllowed: (): PropertyDecorator =>
    IsBoolean({ message: 'Select whether people may still sign in with a password' }),
  CreateStaff: (): PropertyDecorator =>
    IsBoolean({
      message: 'Select whether someone without an account gets one on first sign-in',
    }),
} as const;
