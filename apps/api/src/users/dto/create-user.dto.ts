import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@app/auth';
import { Trim } from '@app/common';
import { ROLES, type Role } from '@app/people';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 200;
export const TEAM_MAX_LENGTH = 100;

export const PASSWORD_DESCRIPTION =
  `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters; no other rules, so a passphrase ` +
  'works. Never returned.';

export class CreateUserDto {
  @ApiProperty({ example: 'sam.okafor@stockport.gov.uk', maxLength: EMAIL_MAX_LENGTH })
  @Trim()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ example: 'Sam Okafor', maxLength: NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'staff' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Children in care',
    maxLength: TEAM_MAX_LENGTH,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEAM_MAX_LENGTH)
  team?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A user in the same council; any other id answers 404 "Line manager not found".',
  })
  @IsOptional()
  @IsUUID()
  lineManagerId?: string | null;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    example: 'correct horse battery staple',
    description: PASSWORD_DESCRIPTION,
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
