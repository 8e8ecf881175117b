import { DEADLINE_BASES } from '@app/inspections';
import { type DeadlineBasis, type InspectionDetail } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';
import { JudgementDto } from '../../extract/dto/extraction-result.dto';
import { InspectionFileInfoDto } from './inspection-file-info.dto';
import { InspectionRecommendationDto } from './inspection-recommendation.dto';
import { InspectionSummaryDto } from './inspection-summary.dto';

/** One inspection in full: its facts, file, plan deadlines, progress and recommendations. */
export class InspectionDetailDto extends InspectionSummaryDto {
  @ApiProperty({ type: [JudgementDto] })
  judgements!: JudgementDto[];

  @ApiProperty({ type: InspectionFileInfoDto })
  file!: InspectionFileInfoDto;

  @ApiProperty({ type: String, format: 'date', example: '2016-07-12' })
  deadlinesCountedFrom!: string;

  @ApiProperty({ enum: DEADLINE_BASES, example: 'published' })
  deadlinesBasis!: DeadlineBasis;

  @ApiProperty({ type: [InspectionRecommendationDto] })
  recommendations!: InspectionRecommendationDto[];

  static override of(detail: InspectionDetail): InspectionDetailDto {
    const { inspection } = detail;
    return {
      ...InspectionSummaryDto.of(detail),
      judgements: inspection.judgements,
      file: InspectionFileInfoDto.of(inspection),
      deadlinesCountedFrom: inspection.deadlinesCountedFrom,
      deadlinesBasis: inspection.deadlinesBasis,
      recommendations: detail.recommendations.map(
        ({ recommendation, actionIds, suggestedOrganisationId }) =>
          InspectionRecommendationDto.of(recommendation, actionIds, suggestedOrganisationId),
      ),
    };
  }
}
