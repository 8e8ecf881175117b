import { AccountField } from '@app/auth';
import { ACTION_SORTS, ACTION_STATUSES, type ActionSort, type ActionStatus } from '@app/actions';
import { IsIsoDate, ToBoolean } from '@app/common';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageQuery } from '../../common/page.query';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

/** `status=open,blocked` and `status=open&status=blocked` both become ['open', 'blocked']. */
function toList({ value }: { value: unknown }): unknown {
  const parts: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return parts.flatMap((part) =>
    typeof part === 'string' ? part.split(',').map((s) => s.trim()) : [part],
  );
}

/** Query string of GET /actions. Unknown parameters are refused (400), like unknown body fields. */
export class ListActionsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'One status or a comma-separated list (any of them).',
    example: 'open,in_progress',
    type: String,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(ACTION_STATUSES.length)
  @IsIn(ACTION_STATUSES, {
    each: true,
    message: `status must be one or more of ${ACTION_STATUSES.join(', ')}`,
  })
  status?: ActionStatus[];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only overdue actions; false: only actions that are not overdue.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description:
      'Due on or before this date (inclusive), 2000-01-01 to ten years ahead. Actions without a deadline drop out.',
  })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-01',
    description:
      'Due on or after this date (inclusive), 2000-01-01 to ten years ahead. Actions without a deadline drop out.',
  })
  @IsOptional()
  @IsIsoDate()
  dueAfter?: string;

  @ApiPropertyOptional({
    description: 'An owner’s user id, or `me` for the caller’s own actions.',
    example: 'me',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'me')
  @IsUUID('all', { message: 'ownerId must be a UUID or "me"' })
  ownerId?: string;

  @ApiPropertyOptional({
    description: 'The owner’s team, ignoring case.',
    example: 'Front door',
    maxLength: AccountField.limits.team,
  })
  @IsOptional()
  @IsString()
  @Length(1, AccountField.limits.team)
  @Matches(/\S/, { message: 'team must not be blank' })
  team?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The partner organisation responsible.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @ApiPropertyOptional({
    description:
      'Case-insensitive text search in the reference, title, description and recommendation text.',
    example: 'care plan',
    minLength: 1,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'q must not be blank' })
  q?: string;

  @ApiPropertyOptional({
    enum: ACTION_SORTS,
    default: 'dueOn',
    description:
      'A leading - sorts descending. dueOn puts actions without a deadline last; reference is ' +
      'document order; status is workflow order; owner and team put unassigned actions last. ' +
      'Ties are broken by deadline, then id.',
  })
  @IsOptional()
  @IsIn(ACTION_SORTS, { message: `sort must be one of ${ACTION_SORTS.join(', ')}` })
  sort?: ActionSort;
}

/** GET /actions/export.csv: the same filters, every page. */
export class ExportActionsQuery extends OmitType(ListActionsQuery, ['page', 'pageSize'] as const) {}
