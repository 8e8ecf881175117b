import { READING_NOTE_MAX_LENGTH, READING_SOURCE_MAX_LENGTH } from '@app/measures';
import { Trim } from '@app/common';
import { IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Left empty: an input with nothing typed in it arrives as "". */
const given = (_: object, value: unknown): boolean => value !== undefined && value !== '';

/**
 * POST /actions/:id/readings: a reading of one of the action's measures. Whether the value fits
 * the measure's unit, and the date is not to come, is MeasuresService's rule (measureRefusal).
 */
export class ReadingForm {
  @IsUUID('all', { message: 'Select the measure the reading is for' })
  measureId!: string;

  @Matches(/^-?\d{1,10}(\.\d{1,4})?$/, { message: 'Enter the reading as a number, like 62.5' })
  @IsString({ message: 'Enter the reading as a number, like 62.5' })
  @Trim()
  value!: string;

  @ValidateIf(given)
  @IsString({ message: 'Enter the day the reading describes' })
  @Trim()
  readingDay?: string;

  @ValidateIf(given)
  @IsString({ message: 'Enter the month the reading describes' })
  @Trim()
  readingMonth?: string;

  @ValidateIf(given)
  @IsString({ message: 'Enter the year the reading describes' })
  @Trim()
  readingYear?: string;

  @ValidateIf(given)
  @MaxLength(READING_NOTE_MAX_LENGTH, {
    message: `Note must be ${READING_NOTE_MAX_LENGTH} characters or fewer`,
  })
  @IsString({ message: 'Enter a note' })
  @Trim()
  readingNote?: string;

  @ValidateIf(given)
  @MaxLength(READING_SOURCE_MAX_LENGTH, {
    message: `Source must be ${READING_SOURCE_MAX_LENGTH} characters or fewer`,
  })
  @IsString({ message: 'Enter where the figure comes from' })
  @Trim()
  source?: string;
}
