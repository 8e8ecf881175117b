import { EMAIL_PREFERENCES, type EmailPreference, ROLES, type Role, type User } from '@app/people';
import { ApiProperty } from '@nestjs/swagger';

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid', example: '7d3c1a52-0f4e-4b8a-9e21-5c6d7e8f9a0b' })
  id!: string;

  @ApiProperty({ example: 'Priya Shah' })
  name!: string;

  @ApiProperty({ example: 'priya.shah@stockport.gov.uk' })
  email!: string;

  static of(user: Pick<User, 'id' | 'name' | 'email'>): UserSummaryDto {
    return { id: user.id, name: user.name, email: user.email };
  }
}

/** A person as the API shows them: never the password hash. */
export class UserDto extends UserSummaryDto {
  @ApiProperty({ format: 'uuid', example: '3f0c2f1e-8a4b-4d5e-9c61-2b7d9e0a1c44' })
  councilId!: string;

  @ApiProperty({ enum: ROLES, example: 'manager' })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'Children in care' })
  team!: string | null;

  @ApiProperty({ type: UserSummaryDto, nullable: true })
  lineManager!: UserSummaryDto | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A partner’s organisation; null for council staff.',
  })
  organisationId!: string | null;

  @ApiProperty({ example: false, description: 'Disabled users cannot log in.' })
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  disabledAt!: Date | null;

  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    example: 'every',
    description: '`every`: each reminder as it falls due; `digest`: only the Monday summary.',
  })
  emailPreference!: EmailPreference;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-12T09:30:00.000Z' })
  createdAt!: Date;

  static override of(user: User): UserDto {
    return {
      ...UserSummaryDto.of(user),
      councilId: user.councilId,
      role: user.role,
      team: user.team,
      lineManager: user.lineManager ? UserSummaryDto.of(user.lineManager) : null,
      organisationId: user.organisationId,
      disabled: user.disabledAt !== null,
      disabledAt: user.disabledAt,
      emailPreference: user.emailPreference,
      createdAt: user.createdAt,
    };
  }
}
