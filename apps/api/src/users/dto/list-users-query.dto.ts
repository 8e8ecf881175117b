import { AccountField } from '@app/auth';
import { ToBoolean, Trim } from '@app/common';
import { ROLES, type Role } from '@app/people';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListUsersQueryDto {
  @ApiPropertyOptional({ example: 'Children in care', description: 'Exact team, any case.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AccountField.limits.team)
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
