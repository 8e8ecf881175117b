import {
  AccountEmail,
  AccountLineManager,
  AccountName,
  AccountPassword,
  AccountRole,
  AccountTeam,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TEAM_MAX_LENGTH,
} from '@app/auth';
import { ROLES, type Role } from '@app/people';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

// The rules (limits and messages) are the account's, shared with the admin pages' forms.
export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, TEAM_MAX_LENGTH };

export const PASSWORD_DESCRIPTION =
  `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters; no other rules, so a passphrase ` +
  'works. Never returned.';

export class CreateUserDto {
  @ApiProperty({ example: 'sam.okafor@stockport.gov.uk', maxLength: EMAIL_MAX_LENGTH })
  @AccountEmail()
  email!: string;

  @ApiProperty({ example: 'Sam Okafor', maxLength: NAME_MAX_LENGTH })
  @AccountName()
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'staff' })
  @AccountRole()
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Children in care',
    maxLength: TEAM_MAX_LENGTH,
  })
  @IsOptional()
  @AccountTeam()
  team?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A user in the same council; any other id answers 404 "Line manager not found".',
  })
  @IsOptional()
  @AccountLineManager()
  lineManagerId?: string | null;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    example: 'correct horse battery staple',
    description: PASSWORD_DESCRIPTION,
  })
  @AccountPassword()
  password!: string;
}
