import type { InspectionWithProgress } from '@app/inspections';
import type { DocumentKind } from '@app/report-parser';
import { ApiProperty } from '@nestjs/swagger';
import { UserSummaryDto } from '../../users/dto/user.dto';
import { InspectionProgressDto } from './inspection-progress.dto';
import { PlanDeadlinesDto } from './plan-deadlines.dto';

export const DOCUMENT_KINDS: DocumentKind[] = [
  'full_inspection',
  'focused_visit',
  'monitoring_visit',
  'joint_inspection',
  'article',
  'other',
];

/** An imported inspection as listed. */
export class InspectionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'STK-2016',
    description: 'Council code and year; unique in the council.',
  })
  reference!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'full_inspection' })
  kind!: DocumentKind;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Inspection of services for children in need of help and protection',
  })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Stockport Metropolitan Borough Council' })
  authority!: string | null;

  @ApiProperty({ type: [String], example: ['Ofsted'] })
  inspectorates!: string[];

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2016-07-12' })
  publishedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2016-05-03' })
  visitStartedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2016-05-26' })
  visitEndedOn!: string | null;

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
