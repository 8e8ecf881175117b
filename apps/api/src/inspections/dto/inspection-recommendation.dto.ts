import { RECOMMENDATION_SOURCES } from '@app/inspections';
import { type Recommendation, type RecommendationSource } from '@app/inspections';
import type { RecommendationPriority } from '@app/report-parser';
import { ApiProperty } from '@nestjs/swagger';

/** A recommendation as extracted at import, with the actions that answer it. */
export class InspectionRecommendationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'R5', description: 'R1, R2, ... in document order.' })
  ref!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '5',
    description: 'The report’s own number.',
  })
  label!: string | null;

  @ApiProperty({
    example:
      'Improve the quality of child protection plans so that they identify specific actions, who is responsible for them, and what will happen if progress is not made.',
  })
  text!: string;

  @ApiProperty({ type: [String], example: [] })
  subItems!: string[];

  @ApiProperty({ example: 'Areas for improvement' })
  section!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  theme!: string | null;

  @ApiProperty({ enum: ['priority_action', 'improvement'], example: 'improvement' })
  priority!: RecommendationPriority;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'P3M',
    description: 'ISO 8601 duration the report sets (P0D: immediately).',
  })
  timescale!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Within three months' })
  timescaleText!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2016-10-12',
    description: 'The date the report itself sets, if any (draft deadlines are on the actions).',
  })
  dueOn!: string | null;

  @ApiProperty({ type: [String], example: ['Stockport Metropolitan Borough Council'] })
  responsible!: string[];

  @ApiProperty({ example: 4 })
  page!: number;

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

  static of(recommendation: Recommendation, actionIds: string[]): InspectionRecommendationDto {
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
    };
  }
}
