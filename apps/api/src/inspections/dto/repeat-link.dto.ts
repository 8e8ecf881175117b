import type {
  EarlierAction,
  EarlierActionWithNotes,
  RaisedAgain,
  RaisedBefore,
  RepeatLinkView,
  RepeatRecommendationRef,
} from '@app/inspections';
import { REPEAT_LINK_STATES, type RepeatLinkState } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const REPEAT_DECISIONS = ['confirmed', 'rejected'] as const;
export type RepeatDecision = (typeof REPEAT_DECISIONS)[number];

/** A manager's decision on a proposed repeat: the API's body and the review page's form. */
export class DecideRepeatLinkDto {
  @ApiProperty({ enum: REPEAT_DECISIONS, example: 'confirmed' })
  @IsIn(REPEAT_DECISIONS, { message: `decision must be one of: ${REPEAT_DECISIONS.join(', ')}` })
  decision!: RepeatDecision;
}

export class RepeatInspectionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'STK-2019' }) reference!: string;
  @ApiProperty({ example: 'focused_visit' }) kind!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-03-11' })
  publishedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) visitEndedOn!: string | null;
}

export class RepeatRecommendationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'R3' }) ref!: string;
  @ApiProperty({ example: 'The recording of supervision sessions…' }) text!: string;
  @ApiProperty({ type: RepeatInspectionRefDto }) inspection!: RepeatInspectionRefDto;

  static of(ref: RepeatRecommendationRef): RepeatRecommendationDto {
    return { id: ref.id, ref: ref.ref, text: ref.text, inspection: { ...ref.inspection } };
  }
}

export class EarlierActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'STK-2019-R3-1' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'verified' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt!: Date | null;

  static of(action: EarlierAction): EarlierActionDto {
    return {
      id: action.id,
      reference: action.reference,
      title: action.title,
      status: action.status,
      completedAt: action.completedAt,
      verifiedAt: action.verifiedAt,
    };
  }
}

export class RepeatLinkDeciderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Priya Shah' }) name!: string;
}

/** A likely repeat of an earlier finding, proposed on import, and what a manager decided. */
export class RepeatLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPEAT_LINK_STATES, example: 'proposed' }) state!: RepeatLinkState;
  @ApiProperty({ example: 0.42, description: 'TF-IDF cosine similarity, 0 to 1.' }) score!: number;
  @ApiProperty({ type: [String], example: ['supervision', 'reflective'] }) sharedWords!: string[];
  @ApiProperty({ type: RepeatLinkDeciderDto, nullable: true })
  decidedBy!: RepeatLinkDeciderDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: RepeatRecommendationDto, description: 'The new recommendation.' })
  recommendation!: RepeatRecommendationDto;
  @ApiProperty({ type: RepeatRecommendationDto, description: 'The earlier one it repeats.' })
  earlier!: RepeatRecommendationDto;
  @ApiProperty({ type: [EarlierActionDto], description: 'What was done about the earlier one.' })
  earlierActions!: EarlierActionDto[];

  static of(link: RepeatLinkView): RepeatLinkDto {
    return {
      id: link.id,
      state: link.state,
      score: link.score,
      sharedWords: link.sharedWords,
      decidedBy: link.decidedBy,
      decidedAt: link.decidedAt,
      recommendation: RepeatRecommendationDto.of(link.recommendation),
      earlier: RepeatRecommendationDto.of(link.earlier),
      earlierActions: link.earlierActions.map((action) => EarlierActionDto.of(action)),
    };
  }
}

export class EarlierActionUpdateDto {
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, nullable: true }) author!: string | null;
}

export class EarlierActionWithNotesDto extends EarlierActionDto {
  @ApiProperty({ type: [EarlierActionUpdateDto] }) updates!: EarlierActionUpdateDto[];

  static withNotes(action: EarlierActionWithNotes): EarlierActionWithNotesDto {
    return { ...EarlierActionDto.of(action), updates: action.updates.map((u) => ({ ...u })) };
  }
}

/** A confirmed earlier finding this action's recommendation repeats, and what was done then. */
export class RaisedBeforeDto {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ type: [String] }) sharedWords!: string[];
  @ApiProperty({ type: RepeatRecommendationDto }) earlier!: RepeatRecommendationDto;
  @ApiProperty({ type: [EarlierActionWithNotesDto] }) actions!: EarlierActionWithNotesDto[];

  static of(item: RaisedBefore): RaisedBeforeDto {
    return {
      linkId: item.linkId,
      sharedWords: item.sharedWords,
      earlier: RepeatRecommendationDto.of(item.earlier),
      actions: item.actions.map((action) => EarlierActionWithNotesDto.withNotes(action)),
    };
  }
}

/** A later, confirmed repeat of one of this inspection's recommendations. */
export class RaisedAgainDto {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ example: 'R3', description: 'This inspection’s recommendation.' })
  earlierRef!: string;
  @ApiProperty({ type: RepeatRecommendationDto, description: 'Where it was raised again.' })
  later!: RepeatRecommendationDto;

  static of(item: RaisedAgain): RaisedAgainDto {
    return {
      linkId: item.linkId,
      earlierRef: item.earlierRef,
      later: RepeatRecommendationDto.of(item.later),
    };
  }
}
