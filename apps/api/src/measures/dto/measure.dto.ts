import { IsIsoDate, Trim } from '@app/common';
import {
  MEASURE_DIRECTIONS,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_UNITS,
  MEASURE_VALUE_MAX,
  type MeasureDirection,
  type MeasureRag,
  type MeasureUnit,
  type MeasureView,
  READING_NOTE_MAX_LENGTH,
  READING_SOURCE_MAX_LENGTH,
  type ReadingView,
  type Trajectory,
} from '@app/measures';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

const NUMBER = { allowNaN: false, allowInfinity: false } as const;

/** /actions/:id/measures: the action's id, validated like any other field. */
export class ActionPath {
  @ApiProperty({ format: 'uuid', description: 'The action.' })
  @IsUUID('all')
  id!: string;
}

/** /actions/:id/measures/:measureId. */
export class MeasurePath extends ActionPath {
  @ApiProperty({ format: 'uuid', description: 'A measure of that action.' })
  @IsUUID('all')
  measureId!: string;
}

/** A measure of an action: what is counted, from where, to where, by when. */
export class CreateMeasureDto {
  @ApiProperty({
    example: 'Child protection plans audited as good or better',
    maxLength: MEASURE_NAME_MAX_LENGTH,
  })
  @Trim()
  @IsString()
  @Length(1, MEASURE_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    enum: MEASURE_UNITS,
    example: 'percentage',
    description:
      'percentage 0-100; days and count whole numbers; milestone 0 (not yet) or 1 (met).',
  })
  @IsIn(MEASURE_UNITS, { message: `unit must be one of ${MEASURE_UNITS.join(', ')}` })
  unit!: MeasureUnit;

  @ApiProperty({
    enum: MEASURE_DIRECTIONS,
    example: 'higher',
    description: 'Whether a higher or a lower value is better; a milestone is higher.',
  })
  @IsIn(MEASURE_DIRECTIONS, { message: 'direction must be higher or lower' })
  direction!: MeasureDirection;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 40 })
  @IsOptional()
  @IsNumber(NUMBER)
  @Min(-MEASURE_VALUE_MAX)
  @Max(MEASURE_VALUE_MAX)
  baselineValue?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-04-30',
    description: 'The date the baseline describes; with baselineValue, before targetOn.',
  })
  @IsOptional()
  @IsIsoDate()
  baselineOn?: string | null;

  @ApiProperty({ example: 80 })
  @IsNumber(NUMBER)
  @Min(-MEASURE_VALUE_MAX)
  @Max(MEASURE_VALUE_MAX)
  targetValue!: number;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @IsIsoDate()
  targetOn!: string;
}

/** Any of the measure's fields; null clears the baseline (both its value and its date). */
export class UpdateMeasureDto extends PartialType(CreateMeasureDto, {
  skipNullProperties: false,
}) {}

export class RecordReadingDto {
  @ApiProperty({ example: 62.5, description: 'In the measure’s unit.' })
  @IsNumber(NUMBER)
  @Min(-MEASURE_VALUE_MAX)
  @Max(MEASURE_VALUE_MAX)
  value!: number;

  @ApiProperty({
    format: 'date',
    example: '2026-10-31',
    description: 'The date the value describes (not later than today).',
  })
  @IsIsoDate()
  observedOn!: string;

  @ApiPropertyOptional({ example: 'October audit', maxLength: READING_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, READING_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({
    example: 'Quality assurance report',
    maxLength: READING_SOURCE_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @Length(1, READING_SOURCE_MAX_LENGTH)
  source?: string;
}

export class ReadingDto
  extends OmitType(RecordReadingDto, ['note', 'source'])
  implements ReadingView
{
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'October audit' })
  note!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Quality assurance report' })
  source!: string | null;

  @ApiProperty({ example: { id: '7d9e0a1c-2b7d-4d5e-9c61-3f0c2f1e8a4b', name: 'Sam Okafor' } })
  enteredBy!: { id: string; name: string };

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class TrajectoryDto implements Trajectory {
  @ApiProperty({
    type: String,
    enum: ['green', 'amber', 'red'],
    nullable: true,
    example: 'amber',
    description:
      "Green on or ahead of the line to the target (or the target reached), amber behind it by up to the council's measureTolerancePercent (10% unless set) of the distance, red further behind or past the target date; null without readings.",
  })
  rag!: MeasureRag | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 60,
    description: 'Where the line says the latest reading should be.',
  })
  expected!: number | null;

  @ApiProperty({ example: 'Behind the line to the target by 3.' })
  reason!: string;
}

export class MeasureDto
  extends OmitType(CreateMeasureDto, ['baselineValue', 'baselineOn'])
  implements MeasureView
{
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: Number, nullable: true, example: 40 })
  baselineValue!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-04-30' })
  baselineOn!: string | null;

  @ApiProperty({ type: [ReadingDto], description: 'Oldest first, by the date each describes.' })
  readings!: ReadingDto[];

  @ApiProperty({ type: ReadingDto, nullable: true, description: 'The reading of the latest date.' })
  latest!: ReadingDto | null;

  @ApiProperty({ type: TrajectoryDto })
  trajectory!: TrajectoryDto;
}
