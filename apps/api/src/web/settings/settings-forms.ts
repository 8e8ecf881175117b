import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/auth';
import { EMAIL_PREFERENCES, type EmailPreference } from '@app/people';
import { IsIn, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

/** /settings/email-preference: what PATCH /api/me takes. */
export class EmailPreferenceForm {
  @IsIn(EMAIL_PREFERENCES, { message: 'Select how you want to get reminder emails' })
  emailPreference!: EmailPreference;
}

/**
 * /settings/password. When several rules fail on a field, the one listed first is shown.
 * The passwords' match and the current password are checked by the controller.
 */
export class ChangePasswordForm {
  @IsNotEmpty({ message: 'Enter your current password' })
  @IsString({ message: 'Enter your current password' })
  currentPassword!: string;

  @IsNotEmpty({ message: 'Enter a new password' })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `Your new password must be ${PASSWORD_MIN_LENGTH} characters or more`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `Your new password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  })
  @IsString({ message: 'Enter a new password' })
  newPassword!: string;

  @IsNotEmpty({ message: 'Confirm your new password' })
  @IsString({ message: 'Confirm your new password' })
  confirmPassword!: string;
}
