import { IsIsoDate } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Which report: one inspection or all live ones, as at a date, with changes since another. */
export class CommitteeReportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One inspection’s report; every live inspection’s when left out.',
  })
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-09-30',
    description: 'The report’s date (today or earlier): everything as it stood at the end of it.',
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-06-30',
    description: 'An earlier date: the report lists what changed after it, up to asAt.',
  })
  @IsOptional()
  @IsIsoDate()
  since?: string;
}
