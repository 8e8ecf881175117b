import { ToBoolean, Trim } from '@app/common';
import { ROLES, type Role } from '@app/people';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEAM_MAX_LENGTH } from './create-user.dto';

export class ListUsersQueryDto {
  @ApiPropertyOptional({ example: 'Children in care', description: 'Exact team, any case.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEAM_MAX_LENGTH)
  team?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'staff' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Include disabled accounts (left out by default).',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeDisabled?: boolean;
}
