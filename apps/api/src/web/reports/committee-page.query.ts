import { IsIsoDate } from '@app/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import type { CommitteeReportQuery } from '../../committee-reports/dto/report.query';

/**
 * An HTML form sends every field it has, empty when nothing was chosen: "All live inspections"
 * is inspectionId=, and no "Changes since" is since=. On the page, empty means left out (the
 * API's query, which no form fills in, still refuses them).
 */
const EmptyIsLeftOut = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });

/** GET /reports/committee: the API's CommitteeReportQuery, as the page's form sends it. */
export class CommitteePageQuery implements CommitteeReportQuery {
  @EmptyIsLeftOut()
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string;

  @EmptyIsLeftOut()
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @EmptyIsLeftOut()
  @IsOptional()
  @IsIsoDate()
  since?: string;
}
