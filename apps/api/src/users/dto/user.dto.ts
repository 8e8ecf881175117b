import { ROLES, type Role, type User } from '@app/councils';
import { ApiProperty } from '@nestjs/swagger';

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' })
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
  @ApiProperty({ format: 'uuid' })
  councilId!: string;

  @ApiProperty({ enum: ROLES, example: 'manager' })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'Children in care' })
  team!: string | null;

  @ApiProperty({ type: UserSummaryDto, nullable: true })
  lineManager!: UserSummaryDto | null;

  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static override of(user: User): UserDto {
    return {
      ...UserSummaryDto.of(user),
      councilId: user.councilId,
      role: user.role,
      team: user.team,
      lineManager: user.lineManager ? UserSummaryDto.of(user.lineManager) : null,
      disabled: user.disabledAt !== null,
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
    };
  }
}
