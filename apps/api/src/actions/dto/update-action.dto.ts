import { ACTION_STATUSES, type ActionStatus, REASON_MAX_LENGTH } from '@app/actions';
import { OmitOrValidate } from '@app/common';
import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CreateActionDto } from './create-action.dto';

/**
 * PATCH /actions/:id. Send only what changes, by the new action's rules; null clears a nullable
 * field (skipNullProperties: false sends null through the others' validators). Staff may send
 * only `status` (and `statusReason`) on actions they own.
 */
export class UpdateActionDto extends PartialType(OmitType(CreateActionDto, ['recommendationId']), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ example: 'Audit tool delivered late', maxLength: REASON_MAX_LENGTH })
  @OmitOrValidate()
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
  @OmitOrValidate()
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({
    example: 'Waiting for the new case system',
    maxLength: REASON_MAX_LENGTH,
    description: 'Required with status blocked or cancelled; kept in the history for any status.',
  })
  @OmitOrValidate()
  @IsString()
  @Length(1, REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'statusReason must not be blank' })
  statusReason?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The partner organisation responsible (managers only): its partner users see and update ' +
      'the action. null: the council alone.',
  })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;
}
