import { DEADLINE_BASES } from '@app/inspections';
import { type DeadlineBasis, type Inspection } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';

/** The post-inspection action plan the inspectorate expects, in working days in England. */
export class PlanDeadlinesDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2016-08-09',
    description: 'Draft plan for the areas for priority action: 20 working days. Null if none.',
  })
  draftDueOn!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2016-10-19',
    description:
      'Final plan: 70 working days, for full inspections and documents with priority actions. Null if not required.',
  })
  finalDueOn!: string | null;

  @ApiProperty({ type: String, format: 'date', example: '2016-07-12' })
  countedFrom!: string;

  @ApiProperty({
    enum: DEADLINE_BASES,
    example: 'published',
    description: 'Which date that is: publication, else the last inspection day, else the import.',
  })
  basis!: DeadlineBasis;

  static of(inspection: Inspection): PlanDeadlinesDto {
    return {
      draftDueOn: inspection.draftPlanDueOn,
      finalDueOn: inspection.finalPlanDueOn,
      countedFrom: inspection.deadlinesCountedFrom,
      basis: inspection.deadlinesBasis,
    };
  }
}
