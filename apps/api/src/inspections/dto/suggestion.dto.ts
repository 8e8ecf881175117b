import { DISMISS_REASON_MAX_LENGTH, SUGGESTION_STATUSES } from '@app/inspections';
import { type InspectionSuggestion, type SuggestionStatus } from '@app/inspections';
import { Trim } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ExtractedSuggestionDto } from '../../extract/dto/extraction-result.dto';
import { UserSummaryDto } from '../../users/dto/user.dto';

/** A weakness the report states in its prose, and what a manager decided about it. */
export class SuggestionDto extends ExtractedSuggestionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'S3', description: 'S1, S2, ... in document order.' })
  ref!: string;

  @ApiProperty({ enum: SUGGESTION_STATUSES, example: 'open' })
  status!: SuggestionStatus;

  @ApiProperty({
    type: UserSummaryDto,
    nullable: true,
    description: 'Who accepted or dismissed it.',
  })
  decidedBy!: UserSummaryDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, example: 'Already covered by R2' })
  dismissReason!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The recommendation it became, once accepted.',
  })
  recommendationId!: string | null;

  static of(suggestion: InspectionSuggestion): SuggestionDto {
    return {
      id: suggestion.id,
      ref: `S${suggestion.position}`,
      text: suggestion.text,
      section: suggestion.section,
      cue: suggestion.cue,
      confidence: suggestion.confidence,
      page: suggestion.page,
      status: suggestion.status,
      decidedBy: suggestion.decidedBy ? UserSummaryDto.of(suggestion.decidedBy) : null,
      decidedAt: suggestion.decidedAt,
      dismissReason: suggestion.dismissReason,
      recommendationId: suggestion.recommendationId,
    };
  }
}

export class AcceptedActionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRK-2026-S3-1' })
  reference!: string;

  @ApiProperty({ example: 'Private fostering arrangements are not consistently identified' })
  title!: string;

  @ApiProperty({ type: String, format: 'date', example: '2027-05-14' })
  dueOn!: string | null;

  @ApiProperty({ example: 'draft' })
  status!: string;
}

export class AcceptedSuggestionDto {
  @ApiProperty({ type: SuggestionDto })
  suggestion!: SuggestionDto;

  @ApiProperty({
    type: AcceptedActionDto,
    description:
      'The draft action: give it an owner, a success measure and open it with PATCH /actions/:id.',
  })
  action!: AcceptedActionDto;
}

export class DismissSuggestionDto {
  @ApiProperty({ example: 'Already covered by R2', maxLength: DISMISS_REASON_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISMISS_REASON_MAX_LENGTH)
  reason!: string;
}
