import type { ActionStatus } from '@app/actions';
import { ApiProperty } from '@nestjs/swagger';

/** Actions in each status. */
export class InspectionStatusCountsDto implements Record<ActionStatus, number> {
  @ApiProperty({ example: 3 })
  draft!: number;

  @ApiProperty({ example: 5 })
  open!: number;

  @ApiProperty({ example: 4 })
  in_progress!: number;

  @ApiProperty({ example: 1 })
  blocked!: number;

  @ApiProperty({ example: 2 })
  completed!: number;

  @ApiProperty({ example: 1 })
  verified!: number;

  @ApiProperty({ example: 0 })
  cancelled!: number;
}
