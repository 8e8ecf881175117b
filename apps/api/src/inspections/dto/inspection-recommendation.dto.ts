import { RECOMMENDATION_SOURCES } from '@app/inspections';
import { type Recommendation, type RecommendationSource } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';
import { RecommendationDto } from '../../extract/dto/extraction-result.dto';

/** A recommendation as extracted at import, with the actions that answer it. */
export class InspectionRecommendationDto extends RecommendationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'R5',
    description: 'R1, R2, ... in document order (S1, ... if accepted from the prose).',
  })
  declare ref: string;

  @ApiProperty({
    enum: RECOMMENDATION_SOURCES,
    example: 'list',
    description: '`suggestion`: a weakness in the prose that a manager accepted (ref S1, S2, ...).',
  })
  source!: RecommendationSource;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Actions answering it, in sequence order (GET /actions/:id).',
  })
  actionIds!: string[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The partner organisation (GET /organisations) the report makes responsible, matched from ' +
      '`responsible`: a suggestion for the drafts’ organisationId, which a manager confirms.',
  })
  suggestedOrganisationId!: string | null;

  static of(
    recommendation: Recommendation,
    actionIds: string[],
    suggestedOrganisationId: string | null,
  ): InspectionRecommendationDto {
    return {
      id: recommendation.id,
      ref: recommendation.ref,
      source: recommendation.source,
      label: recommendation.label,
      text: recommendation.text,
      subItems: recommendation.subItems,
      section: recommendation.section,
      theme: recommendation.theme,
      priority: recommendation.priority,
      timescale: recommendation.timescale,
      timescaleText: recommendation.timescaleText,
      dueOn: recommendation.dueOn,
      responsible: recommendation.responsible,
      page: recommendation.page,
      actionIds,
      suggestedOrganisationId,
    };
  }
}
