import type { InspectionWithProgress } from '@app/inspections';
import { ApiProperty, PickType } from '@nestjs/swagger';
import { DocumentFactsDto } from '../../extract/dto/extraction-result.dto';
import { UserSummaryDto } from '../../users/dto/user.dto';
import { InspectionProgressDto } from './inspection-progress.dto';
import { PlanDeadlinesDto } from './plan-deadlines.dto';

/** An imported inspection as listed. */
export class InspectionSummaryDto extends PickType(DocumentFactsDto, [
  'kind',
  'title',
  'authority',
  'inspectorates',
  'publishedOn',
  'visitStartedOn',
  'visitEndedOn',
]) {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'STK-2016',
    description: 'Council code and year; unique in the council.',
  })
  reference!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  importedAt!: Date;

  @ApiProperty({ type: UserSummaryDto })
  importedBy!: UserSummaryDto;

  @ApiProperty({ type: PlanDeadlinesDto })
  planDeadlines!: PlanDeadlinesDto;

  @ApiProperty({ type: InspectionProgressDto })
  progress!: InspectionProgressDto;

  static of({ inspection, progress }: InspectionWithProgress): InspectionSummaryDto {
    if (!inspection.importedBy) throw new Error('InspectionSummaryDto needs importedBy loaded');
    return {
      id: inspection.id,
      reference: inspection.reference,
      kind: inspection.kind,
      title: inspection.title,
      authority: inspection.authority,
      inspectorates: inspection.inspectorates,
      publishedOn: inspection.publishedOn,
      visitStartedOn: inspection.visitStartedOn,
      visitEndedOn: inspection.visitEndedOn,
      importedAt: inspection.importedAt,
      importedBy: UserSummaryDto.of(inspection.importedBy),
      planDeadlines: PlanDeadlinesDto.of(inspection),
      progress: InspectionProgressDto.of(progress),
    };
  }
}
