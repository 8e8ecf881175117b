import { ACTION_STATUSES } from '@app/actions';
import type { RepeatFindingAction } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';

class RepeatFindingInspectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ASV-2022' }) reference!: string;
}

/** An action still to do on a confirmed repeat finding. */
export class RepeatFindingActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ASV-2022-R1-1' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ACTION_STATUSES, example: 'in_progress' }) status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: RepeatFindingInspectionDto }) inspection!: RepeatFindingInspectionDto;
  @ApiProperty({ example: 'R1' }) recommendationRef!: string;
  @ApiProperty({
    type: [String],
    example: ['R9 of ASV-2015'],
    description: 'The earlier findings it repeats, best match first.',
  })
  raisedBefore!: string[];

  static of(action: RepeatFindingAction): RepeatFindingActionDto {
    return { ...action, inspection: { ...action.inspection } };
  }
}
