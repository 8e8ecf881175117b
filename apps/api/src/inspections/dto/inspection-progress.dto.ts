import { RAG_RATINGS } from '@app/inspections';
import { type Progress, type RagRating } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';
import { InspectionStatusCountsDto } from './inspection-status-counts.dto';

export class InspectionProgressDto implements Progress {
  @ApiProperty({ example: 16, description: 'Actions, whatever their status.' })
  total!: number;

  @ApiProperty({ type: InspectionStatusCountsDto })
  byStatus!: InspectionStatusCountsDto;

  @ApiProperty({
    example: 19,
    description: 'Completed or verified, as a whole percentage of the actions not cancelled.',
  })
  percentComplete!: number;

  @ApiProperty({ example: 2, description: 'Past their due date and not done or cancelled.' })
  overdue!: number;

  @ApiProperty({
    example: 0,
    description: 'Overdue actions answering an area for priority action.',
  })
  overduePriority!: number;

  @ApiProperty({
    enum: RAG_RATINGS,
    example: 'amber',
    description:
      'Red: a priority action or a fifth of live actions overdue; amber: anything overdue or blocked; green otherwise.',
  })
  rag!: RagRating;

  static of(progress: Progress): InspectionProgressDto {
    return { ...progress, byStatus: { ...progress.byStatus } };
  }
}
