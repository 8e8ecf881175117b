import {
  READINGS_CSV_COLUMNS,
  READINGS_CSV_MAX_BYTES,
  READINGS_CSV_MAX_ROWS,
  READINGS_PROBLEMS_SHOWN,
  type ReadingProblem,
  type ReadingsRecorded,
} from '@app/measures';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const LIMIT_MB = READINGS_CSV_MAX_BYTES / 1024 / 1024;

/** The multipart form of POST /measures/readings, for the docs (the controller reads it). */
export class UploadReadingsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      `A CSV file up to ${LIMIT_MB} MB and ${READINGS_CSV_MAX_ROWS.toLocaleString('en-GB')} rows. ` +
      `Columns (header row, any order and case): ${READINGS_CSV_COLUMNS.join(', ')}; ` +
      'note and source may be left out. Dates as YYYY-MM-DD or DD/MM/YYYY.',
  })
  file?: unknown;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'true: record the good rows even if some are refused. Otherwise one refused row records nothing.',
  })
  keepGoodRows?: boolean;
}

export class ReadingProblemDto implements ReadingProblem {
  @ApiProperty({ example: 4, description: 'The line in the file, the header being line 1.' })
  line!: number;

  @ApiProperty({
    example: 'value',
    description: 'The column to put right; empty for the line (or the file) as a whole.',
  })
  field!: string;

  @ApiProperty({ example: 'The value must be a percentage from 0 to 100' })
  message!: string;
}

export class ReadingsRecordedDto implements ReadingsRecorded {
  @ApiProperty({ example: 12, description: 'How many readings were recorded.' })
  recorded!: number;

  @ApiProperty({
    type: [ReadingProblemDto],
    description: `With keepGoodRows, the refused lines' problems by line (the first ${READINGS_PROBLEMS_SHOWN}); otherwise empty.`,
  })
  refused!: ReadingProblemDto[];

  @ApiProperty({ example: 0, description: 'How many problems there were in all.' })
  refusedTotal!: number;
}
