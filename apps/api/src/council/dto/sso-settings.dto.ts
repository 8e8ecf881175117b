import {
  CLIENT_ID_MAX_LENGTH,
  CLIENT_SECRET_MAX_LENGTH,
  ISSUER_MAX_LENGTH,
  SsoField,
  type SsoSettingsView,
} from '@app/auth';
import { OmitOrValidate } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** PUT /api/council/sso: the council's OpenID Connect provider. */
export class UpdateSsoSettingsDto {
  @ApiProperty({
    example: 'https://login.microsoftonline.com/8f2c6a55-2a0e-4b8b-9a44-0f8f6c1d2e3f/v2.0',
    maxLength: ISSUER_MAX_LENGTH,
    description:
      'The provider’s issuer (https): its discovery document is at ' +
      '`<issuer>/.well-known/openid-configuration`, and ID tokens must name it as `iss`.',
  })
  @SsoField.Issuer()
  issuer!: string;

  @ApiProperty({ example: '0f3c9a2e-5b7d-4e1f-8a6c-3d2b1e0f9a87', maxLength: CLIENT_ID_MAX_LENGTH })
  @SsoField.ClientId()
  clientId!: string;

  @ApiPropertyOptional({
    format: 'password',
    maxLength: CLIENT_SECRET_MAX_LENGTH,
    description:
      'Write only: stored encrypted, never returned. Required the first time; left out, the ' +
      'stored one is kept.',
  })
  @OmitOrValidate()
  @SsoField.ClientSecret()
  clientSecret?: string;

  @ApiProperty({
    example: true,
    description: 'false: this council’s people can sign in only through the provider.',
  })
  @SsoField.PasswordsAllowed()
  passwordsAllowed!: boolean;

  @ApiProperty({
    example: false,
    description:
      'true: someone the provider vouches for (verified email) with no account here gets one, ' +
      'as staff. false: they are refused.',
  })
  @SsoField.CreateStaff()
  createStaffOnFirstSignIn!: boolean;
}

/** A council's single sign-on settings: the client secret is never shown, only whether it is set. */
export class SsoSettingsDto {
  @ApiProperty({
    example: 'https://login.microsoftonline.com/8f2c6a55-2a0e-4b8b-9a44-0f8f6c1d2e3f/v2.0',
  })
  issuer!: string;

  @ApiProperty({ example: '0f3c9a2e-5b7d-4e1f-8a6c-3d2b1e0f9a87' })
  clientId!: string;

  @ApiProperty({ example: true })
  clientSecretSet!: boolean;

  @ApiProperty({ example: true })
  passwordsAllowed!: boolean;

  @ApiProperty({ example: false })
  createStaffOnFirstSignIn!: boolean;

  @ApiProperty({
    example: 'https://actions.example.gov.uk/sign-in/sso/callback',
    description: 'The redirect URI to register with the provider (type Web).',
  })
  redirectUri!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  static of(view: SsoSettingsView): SsoSettingsDto {
    return {
      issuer: view.issuer,
      clientId: view.clientId,
      clientSecretSet: view.clientSecretSet,
      passwordsAllowed: view.passwordsAllowed,
      createStaffOnFirstSignIn: view.createStaffOnFirstSignIn,
      redirectUri: view.redirectUri,
      updatedAt: view.updatedAt,
    };
  }
}
