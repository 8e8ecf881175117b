import { AccountField, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/auth';
import { OmitOrValidate } from '@app/common';
import { ROLES, type Role } from '@app/people';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PASSWORD_DESCRIPTION } from './create-user.dto';

/** Every field optional; `team` and `lineManagerId` take null to clear them. */
export class UpdateUserDto {
  @ApiPropertyOptional({
    example: 'sam.okafor@stockport.gov.uk',
    maxLength: AccountField.limits.email,
  })
  @OmitOrValidate()
  @AccountField.Email()
  email?: string;

  @ApiPropertyOptional({ example: 'Sam Okafor', maxLength: AccountField.limits.name })
  @OmitOrValidate()
  @AccountField.Name()
  name?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    example: 'manager',
    description: 'Takes effect on the next request. You cannot change your own role (400).',
  })
  @OmitOrValidate()
  @AccountField.Role()
  role?: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Front door',
    maxLength: AccountField.limits.team,
    description: 'null removes the user from their team.',
  })
  @IsOptional()
  @AccountField.Team()
  team?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'A user in the same council other than this one (404 otherwise); null removes the line manager.',
  })
  @IsOptional()
  @AccountField.LineManager()
  lineManagerId?: string | null;

  @ApiPropertyOptional({
    example: true,
    description:
      'true disables the account and ends all its sessions at once; false enables it again. ' +
      'You cannot disable yourself (400).',
  })
  @OmitOrValidate()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `${PASSWORD_DESCRIPTION} Setting it ends all the user's sessions.`,
  })
  @OmitOrValidate()
  @AccountField.Password()
  password?: string;
}
