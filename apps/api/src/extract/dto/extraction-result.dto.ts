import {
  DOCUMENT_KINDS,
  type DocumentFacts,
  type DocumentKind,
  type ExtractionResult,
  type Judgement,
  type Recommendation,
  RECOMMENDATION_PRIORITIES,
  type RecommendationPriority,
  type Suggestion,
} from '@app/report-parser';
import { ApiProperty } from '@nestjs/swagger';

// OpenAPI schemas for the parser's result. The parser is pure TypeScript (interfaces only), so
// these classes describe the same shapes for /docs; `implements` keeps them in step.

export class JudgementDto implements Judgement {
  @ApiProperty({ example: 'Overall effectiveness' })
  area!: string;

  @ApiProperty({ example: 'Requires improvement to be good' })
  grade!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  group!: string | null;
}

export class DocumentFactsDto implements DocumentFacts {
  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'focused_visit' })
  kind!: DocumentKind;

  @ApiProperty({ type: String, nullable: true, example: 'Ofsted' })
  inspectorate!: string | null;

  @ApiProperty({ type: [String], example: ['Ofsted'] })
  inspectorates!: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Stockport Metropolitan Borough Council' })
  authority!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Focused visit to Stockport children’s services',
  })
  title!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-03-11' })
  publishedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-02-14' })
  visitStartedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-02-15' })
  visitEndedOn!: string | null;

  @ApiProperty({ type: [JudgementDto] })
  judgements!: JudgementDto[];

  @ApiProperty({ enum: ['pdf', 'text'], example: 'text' })
  format!: 'pdf' | 'text';

  @ApiProperty({ example: 1, description: 'Pages in a PDF; form-feed separated pages in text.' })
  pages!: number;
}

export class RecommendationDto implements Recommendation {
  @ApiProperty({
    example: 'R1',
    description: 'Reference within this extraction, in document order.',
  })
  ref!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '3',
    description: 'The report’s own number or letter.',
  })
  label!: string | null;

  @ApiProperty({
    example:
      'The clarity of actions recorded in children’s plans, to help families understand who is responsible for each action and what success looks like.',
  })
  text!: string;

  @ApiProperty({ type: [String], example: [] })
  subItems!: string[];

  @ApiProperty({ example: 'What needs to improve in this area of social work practice' })
  section!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  theme!: string | null;

  @ApiProperty({ enum: RECOMMENDATION_PRIORITIES, example: 'improvement' })
  priority!: RecommendationPriority;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'P3M',
    description: 'ISO 8601 duration from publication.',
  })
  timescale!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Within three months' })
  timescaleText!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-06-11' })
  dueOn!: string | null;

  @ApiProperty({ type: [String], example: ['Stockport Metropolitan Borough Council'] })
  responsible!: string[];

  @ApiProperty({ example: 2 })
  page!: number;
}

/** Named apart from the stored SuggestionDto: one name is one schema in the OpenAPI document. */
export class ExtractedSuggestionDto implements Suggestion {
  @ApiProperty({
    example: 'Child protection plans are not consistently specific',
    description:
      'The sentence, or its critical clause, exactly as written with its lines rejoined.',
  })
  text!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Help and protection' })
  section!: string | null;

  @ApiProperty({ example: 'not consistently', description: 'The phrase that marked it.' })
  cue!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.85 })
  confidence!: number;

  @ApiProperty({ example: 2 })
  page!: number;
}

export class ExtractionResultDto implements ExtractionResult {
  @ApiProperty({ type: DocumentFactsDto })
  document!: DocumentFactsDto;

  @ApiProperty({ type: [RecommendationDto] })
  recommendations!: RecommendationDto[];

  @ApiProperty({
    type: [ExtractedSuggestionDto],
    description:
      'Weaknesses stated in the prose rather than in a list, each quoted with the cue that marked it.',
  })
  suggestions!: ExtractedSuggestionDto[];
}
