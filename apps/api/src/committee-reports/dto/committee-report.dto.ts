import { RAGS } from '@app/actions';
import { REPORT_CHANGE_KINDS } from '@app/committee-reports';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * The report's shape for the OpenAPI document. The TypeScript shape is CommitteeReport in
 * @app/committee-reports; these classes only describe it.
 */

class RagRollUpDto {
  @ApiProperty({ enum: RAGS }) rag!: string;
  @ApiProperty() red!: number;
  @ApiProperty() amber!: number;
  @ApiProperty() green!: number;
  @ApiProperty({ description: 'Cancelled actions.' }) unrated!: number;
}

class ReportReadingDto {
  @ApiProperty() value!: number;
  @ApiProperty({ format: 'date' }) observedOn!: string;
}

class ReportMeasureDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['percentage', 'days', 'count', 'milestone'] }) unit!: string;
  @ApiProperty({ enum: ['higher', 'lower'] }) direction!: string;
  @ApiProperty({ type: ReportReadingDto, nullable: true }) baseline!: ReportReadingDto | null;
  @ApiProperty({ type: ReportReadingDto }) target!: ReportReadingDto;
  @ApiProperty({ type: ReportReadingDto, nullable: true }) latest!: ReportReadingDto | null;
  @ApiProperty({ type: String, enum: RAGS, nullable: true }) rag!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [ReportReadingDto], description: 'Entered by the report’s date.' })
  readings!: ReportReadingDto[];
}

class ReportActionRagDto {
  @ApiProperty({ type: String, enum: RAGS, nullable: true }) computed!: string | null;
  @ApiProperty({
    nullable: true,
    example: { rag: 'amber', reason: 'Recruitment agreed', by: 'Sam Okafor' },
  })
  override!: { rag: string; reason: string; by: string } | null;
  @ApiProperty({ type: String, enum: RAGS, nullable: true }) rag!: string | null;
  @ApiProperty() reason!: string;
}

class ReportActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'STK-2026-R1-1' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) owner!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) originalDueOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty() slippageDays!: number;
  @ApiProperty({ type: [String] }) slippageReasons!: string[];
  @ApiProperty({ type: ReportActionRagDto }) rag!: ReportActionRagDto;
  @ApiProperty({ nullable: true, example: { note: 'Audit done', on: '2026-10-31', by: 'Sam' } })
  latestNote!: { note: string; on: string; by: string } | null;
  @ApiProperty({ type: [String] }) evidence!: string[];
  @ApiProperty({ type: [ReportMeasureDto] }) measures!: ReportMeasureDto[];
}

class ReportRecommendationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'R1' }) label!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty() section!: string;
  @ApiProperty({ enum: ['priority_action', 'improvement'] }) priority!: string;
  @ApiProperty({
    required: false,
    example: 'Raised before: R9 of ASV-2015',
    description:
      'Only on a repeat finding (confirmed by the report’s date); repeat findings come first.',
  })
  repeatOf?: string;
  @ApiProperty({ type: [ReportActionDto] }) actions!: ReportActionDto[];
}

class ReportInspectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) publishedOn!: string | null;
  @ApiProperty({ type: RagRollUpDto }) rag!: RagRollUpDto;
  @ApiProperty({ type: [ReportRecommendationDto] }) recommendations!: ReportRecommendationDto[];
}

class ReportChangeDto {
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: REPORT_CHANGE_KINDS }) kind!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty() detail!: string;
}

export class CommitteeReportDto {
  @ApiProperty() councilName!: string;
  @ApiProperty({ format: 'date' }) asAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) since!: string | null;
  @ApiProperty({ example: { kind: 'council' } })
  scope!: { kind: 'inspection'; inspectionId: string } | { kind: 'council' };
  @ApiProperty({ type: RagRollUpDto }) rag!: RagRollUpDto;
  @ApiProperty({ type: [ReportInspectionDto] }) inspections!: ReportInspectionDto[];
  @ApiProperty({ type: [ReportChangeDto] }) changes!: ReportChangeDto[];
}
