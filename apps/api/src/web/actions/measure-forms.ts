import { type Rag, RAGS } from '@app/actions';
import {
  MEASURE_DIRECTIONS,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_UNITS,
  type MeasureDirection,
  type MeasureUnit,
  READING_NOTE_MAX_LENGTH,
  RAG_REASON_MAX_LENGTH,
  READING_SOURCE_MAX_LENGTH,
} from '@app/measures';
import { Trim } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { IsIn, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import { DatePart, given, OptionalText, RequiredText } from '../forms';

/** A number as people type one (digits, perhaps a sign and decimals), or `message`. */
const NumberText = (message: string): PropertyDecorator =>
  applyDecorators(Trim(), IsString({ message }), Matches(/^-?\d{1,10}(\.\d{1,4})?$/, { message }));

/**
 * POST /actions/:id/readings: a reading of one of the action's measures. Whether the value fits
 * the measure's unit, and the date is not to come, is MeasuresService's rule (measureRefusal).
 */
export class ReadingForm {
  @IsUUID('all', { message: 'Select the measure the reading is for' })
  measureId!: string;

  @NumberText('Enter the reading as a number, like 62.5')
  value!: string;

  @DatePart('Enter the day the reading describes')
  readingDay?: string;

  @DatePart('Enter the month the reading describes')
  readingMonth?: string;

  @DatePart('Enter the year the reading describes')
  readingYear?: string;

  @OptionalText(READING_NOTE_MAX_LENGTH, 'Note', 'Enter a note')
  readingNote?: string;

  @OptionalText(READING_SOURCE_MAX_LENGTH, 'Source', 'Enter where the figure comes from')
  source?: string;
}

/**
 * POST /actions/:id/measures (managers): a measure with its target and, if known, its baseline.
 * Whether the numbers fit the unit and the dates each other is MeasuresService's rule.
 */
export class MeasureForm {
  @RequiredText(MEASURE_NAME_MAX_LENGTH, 'What is measured', 'Enter what is measured')
  name!: string;

  @IsIn(MEASURE_UNITS, { message: 'Select what the measure counts' })
  unit!: MeasureUnit;

  @IsIn(MEASURE_DIRECTIONS, { message: 'Select whether higher or lower is better' })
  direction!: MeasureDirection;

  @ValidateIf(given)
  @NumberText('Enter the baseline as a number, like 40')
  baselineValue?: string;

  @DatePart('Enter the day of the baseline')
  baselineDay?: string;

  @DatePart('Enter the month of the baseline')
  baselineMonth?: string;

  @DatePart('Enter the year of the baseline')
  baselineYear?: string;

  @NumberText('Enter the target as a number, like 80')
  targetValue!: string;

  @DatePart('Enter the day of the target')
  targetDay?: string;

  @DatePart('Enter the month of the target')
  targetMonth?: string;

  @DatePart('Enter the year of the target')
  targetYear?: string;
}

/** POST /actions/:id/rag (managers): a RAG in place of the computed one, and why. */
export class RagOverrideForm {
  @IsIn(RAGS, { message: 'Select the RAG to show' })
  rag!: Rag;

  @RequiredText(RAG_REASON_MAX_LENGTH, 'The reason', 'Enter why the RAG is overridden')
  ragReason!: string;
}
