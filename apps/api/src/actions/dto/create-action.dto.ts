import {
  ACTION_DESCRIPTION_MAX_LENGTH,
  ACTION_TITLE_MAX_LENGTH,
  SUCCESS_MEASURE_MAX_LENGTH,
} from '@app/actions';
import { IsIsoDate } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/** A new draft action on a recommendation: a recommendation can be split into several. */
export class CreateActionDto {
  @ApiProperty({ format: 'uuid', description: 'The recommendation the action answers.' })
  @IsUUID('all')
  recommendationId!: string;

  @ApiProperty({
    example: 'Train team managers on the new plan template',
    maxLength: ACTION_TITLE_MAX_LENGTH,
  })
  @IsString()
  @Length(1, ACTION_TITLE_MAX_LENGTH)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ACTION_DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, ACTION_DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: SUCCESS_MEASURE_MAX_LENGTH,
    example: 'Every team manager trained by September; audits show the template used',
  })
  @IsOptional()
  @IsString()
  @Length(1, SUCCESS_MEASURE_MAX_LENGTH)
  @Matches(/\S/, { message: 'successMeasure must not be blank' })
  successMeasure?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An enabled user of your council.',
  })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-09-01',
    description: 'From 2000-01-01 to ten years after today (400 otherwise).',
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string | null;
}
