import { type Rag, RAGS } from '@app/actions';
import { Trim } from '@app/common';
import {
  type ActionRagView,
  type ComputedRag,
  RAG_REASON_MAX_LENGTH,
  type RagOverrideView,
} from '@app/measures';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';

/** A manager's RAG for an action, and why: required, and kept in the history. */
export class OverrideRagDto {
  @ApiProperty({ enum: RAGS, example: 'amber' })
  @IsIn(RAGS)
  rag!: Rag;

  @ApiProperty({
    example: 'Recruitment to the two posts is agreed; the figures will follow in March.',
    maxLength: RAG_REASON_MAX_LENGTH,
  })
  @Trim()
  @IsString()
  @Length(1, RAG_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ComputedRagDto implements ComputedRag {
  @ApiProperty({
    type: String,
    enum: RAGS,
    nullable: true,
    example: 'red',
    description: 'The worse of the deadline’s RAG and each measure’s; null for a cancelled action.',
  })
  rag!: Rag | null;

  @ApiProperty({ example: 'Overdue: the deadline has passed.' })
  reason!: string;
}

export class RagOverrideDto implements RagOverrideView {
  @ApiProperty({ enum: RAGS, example: 'amber' })
  rag!: Rag;

  @ApiProperty({ example: 'Recruitment agreed; figures follow in March.' })
  reason!: string;

  @ApiProperty({ example: { id: '7d9e0a1c-2b7d-4d5e-9c61-3f0c2f1e8a4b', name: 'Sam Okafor' } })
  by!: { id: string; name: string };

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;
}

/** An action's RAG by the documented rules (docs/api.md, "RAG"), with any override beside it. */
export class ActionRagDto implements ActionRagView {
  @ApiProperty({ type: ComputedRagDto })
  computed!: ComputedRagDto;

  @ApiProperty({ type: RagOverrideDto, nullable: true })
  override!: RagOverrideDto | null;

  @ApiProperty({
    type: String,
    enum: RAGS,
    nullable: true,
    example: 'amber',
    description: 'The override when there is one, else the computed RAG.',
  })
  rag!: Rag | null;
}
