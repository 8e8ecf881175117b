import { IsIsoDate } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';

/**
 * An HTML form sends every field it has, empty when nothing was chosen: "All live inspections"
 * is inspectionId=, and no "Changes since" is since=. Empty means left out, on the page and the
 * API alike.
 */
const EmptyIsLeftOut = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });

/**
 * Which report: one inspection or all live ones, as at a date, with changes since another. The
 * page's form sends the same query (GET /reports/committee).
 */
export class CommitteeReportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One inspection’s report; every live inspection’s when left out.',
  })
  @EmptyIsLeftOut()
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-09-30',
    description: 'The report’s date (today or earlier): everything as it stood at the end of it.',
  })
  @EmptyIsLeftOut()
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-06-30',
    description: 'An earlier date: the report lists what changed after it, up to asAt.',
  })
  @EmptyIsLeftOut()
  @IsOptional()
  @IsIsoDate()
  since?: string;
}
