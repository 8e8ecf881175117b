import {
  ACTION_DESCRIPTION_MAX_LENGTH,
  ACTION_STATUSES,
  ACTION_TITLE_MAX_LENGTH,
  type ActionStatus,
  REASON_MAX_LENGTH,
  SUCCESS_MEASURE_MAX_LENGTH,
} from '@app/actions';
import { IsIsoDate } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';

/** Present (not undefined) and not null: so `null` reaches the validators of non-nullable fields. */
const present = (_: object, value: unknown): boolean => value !== undefined;

/**
 * PATCH /actions/:id. Send only what changes; null clears a nullable field. Staff may send
 * only `status` (and `statusReason`) on actions they own.
 */
export class UpdateActionDto {
  @ApiPropertyOptional({
    example: 'Audit every plan against the new template',
    maxLength: ACTION_TITLE_MAX_LENGTH,
  })
  @ValidateIf(present)
  @IsString()
  @Length(1, ACTION_TITLE_MAX_LENGTH)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ACTION_DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, ACTION_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: SUCCESS_MEASURE_MAX_LENGTH,
    example: '95% of plans audited as good or better for three consecutive months',
  })
  @IsOptional()
  @IsString()
  @Length(1, SUCCESS_MEASURE_MAX_LENGTH)
  @Matches(/\S/, { message: 'successMeasure must not be blank' })
  successMeasure?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-10-01',
    description:
      'While draft the deadline moves freely (originalDueOn follows). Once out of draft a ' +
      'change needs dueOnReason and is recorded as a deadline revision. From 2000-01-01 to ' +
      'ten years after today (400 otherwise).',
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ example: 'Audit tool delivered late', maxLength: REASON_MAX_LENGTH })
  @ValidateIf(present)
  @IsString()
  @Length(1, REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'dueOnReason must not be blank' })
  dueOnReason?: string;

  @ApiPropertyOptional({
    enum: ACTION_STATUSES,
    example: 'in_progress',
    description:
      'draft→open|cancelled; open→in_progress|blocked|completed|cancelled; ' +
      'in_progress→blocked|completed|open|cancelled; blocked→open|in_progress|cancelled; ' +
      'completed→verified|in_progress. Only managers verify or cancel. Leaving draft needs ' +
      'ownerId, dueOn and successMeasure (422 otherwise).',
  })
  @ValidateIf(present)
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({
    example: 'Waiting for the new case system',
    maxLength: REASON_MAX_LENGTH,
    description: 'Required with status blocked or cancelled; kept in the history for any status.',
  })
  @ValidateIf(present)
  @IsString()
  @Length(1, REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'statusReason must not be blank' })
  statusReason?: string;
}
