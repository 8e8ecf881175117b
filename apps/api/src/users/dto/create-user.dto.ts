import { AccountField, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/auth';
import { ROLES, type Role } from '@app/people';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

// The rules (limits and messages) are the account's (AccountField), shared with the admin pages.

const PASSWORD_DESCRIPTION =
  `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters; no other rules, so a passphrase ` +
  'works. Never returned.';

export class CreateUserDto {
  @ApiProperty({ example: 'sam.okafor@stockport.gov.uk', maxLength: AccountField.limits.email })
  @AccountField.Email()
  email!: string;

  @ApiProperty({ example: 'Sam Okafor', maxLength: AccountField.limits.name })
  @AccountField.Name()
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'staff' })
  @AccountField.Role()
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Children in care',
    maxLength: AccountField.limits.team,
  })
  @IsOptional()
  @AccountField.Team()
  team?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A user in the same council; any other id answers 404 "Line manager not found".',
  })
  @IsOptional()
  @AccountField.LineManager()
  lineManagerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Required with role partner, refused with any other: one of your council’s partner ' +
      'organisations (GET /organisations).',
  })
  @IsOptional()
  @AccountField.Organisation()
  organisationId?: string | null;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    example: 'correct horse battery staple',
    description: PASSWORD_DESCRIPTION,
  })
  @AccountField.Password()
  password!: string;
}
