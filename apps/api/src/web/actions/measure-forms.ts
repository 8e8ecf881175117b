import { READING_NOTE_MAX_LENGTH, READING_SOURCE_MAX_LENGTH } from '@app/measures';
import { Trim } from '@app/common';
import { IsString, IsUUID, Matches } from 'class-validator';
import { DatePart, OptionalText } from '../forms';

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
