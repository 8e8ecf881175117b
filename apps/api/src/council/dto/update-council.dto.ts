import { OmitOrValidate, Trim } from '@app/common';
import {
  COUNCIL_CODE_PATTERN,
  COUNCIL_NAME_MAX_LENGTH,
  DEFAULT_WINDOW_MONTHS,
  IMMEDIATE_WINDOW_DAYS,
  MEASURE_TOLERANCE_PERCENT,
} from '@app/people';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { UpdateNotificationSettingsDto } from './notification-settings.dto';

/** Any of the settings; what is left out stays as it is. */
export class UpdateCouncilDto {
  @ApiPropertyOptional({
    example: 'Stockport Metropolitan Borough Council',
    maxLength: COUNCIL_NAME_MAX_LENGTH,
    description: 'Unique across councils, ignoring case (409 otherwise).',
  })
  @OmitOrValidate()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(COUNCIL_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({
    example: 'STK',
    pattern: COUNCIL_CODE_PATTERN.source,
    description:
      '2-8 capital letters. Applies to references made from now on; existing ones keep theirs.',
  })
  @OmitOrValidate()
  @IsString()
  @Matches(COUNCIL_CODE_PATTERN, { message: 'code must be 2-8 capital letters (A-Z)' })
  code?: string;

  @ApiPropertyOptional({
    example: 14,
    minimum: IMMEDIATE_WINDOW_DAYS.min,
    maximum: IMMEDIATE_WINDOW_DAYS.max,
  })
  @OmitOrValidate()
  @IsInt()
  @Min(IMMEDIATE_WINDOW_DAYS.min)
  @Max(IMMEDIATE_WINDOW_DAYS.max)
  immediateWindowDays?: number;

  @ApiPropertyOptional({
    example: 6,
    minimum: DEFAULT_WINDOW_MONTHS.min,
    maximum: DEFAULT_WINDOW_MONTHS.max,
  })
  @OmitOrValidate()
  @IsInt()
  @Min(DEFAULT_WINDOW_MONTHS.min)
  @Max(DEFAULT_WINDOW_MONTHS.max)
  defaultWindowMonths?: number;

  @ApiPropertyOptional({
    example: 10,
    minimum: MEASURE_TOLERANCE_PERCENT.min,
    maximum: MEASURE_TOLERANCE_PERCENT.max,
    description:
      'How far behind the line to its target a measure may be and still be amber (not red), as a percentage of the distance from its start to its target.',
  })
  @OmitOrValidate()
  @IsInt()
  @Min(MEASURE_TOLERANCE_PERCENT.min)
  @Max(MEASURE_TOLERANCE_PERCENT.max)
  measureTolerancePercent?: number;

  @ApiPropertyOptional({
    type: UpdateNotificationSettingsDto,
    description: 'Reminder and escalation rules; fields left out keep their current values.',
  })
  @OmitOrValidate()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateNotificationSettingsDto)
  notifications?: UpdateNotificationSettingsDto;
}
