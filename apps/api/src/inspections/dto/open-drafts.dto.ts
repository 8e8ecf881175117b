import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { UpdateActionDto } from '../../actions/dto/update-action.dto';

/** One draft's change: PATCH /actions/:id's SMART fields, with their limits, and `open`. */
export class DraftChangeDto extends PickType(UpdateActionDto, [
  'ownerId',
  'organisationId',
  'successMeasure',
  'dueOn',
] as const) {
  @ApiProperty({ format: 'uuid', description: 'A draft action of this inspection.' })
  @IsUUID('all')
  actionId!: string;

  @ApiPropertyOptional({
    example: true,
    description: 'Open it: it then needs an owner, a success measure and a deadline.',
  })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}

/** PATCH /inspections/:id/drafts. */
export class OpenDraftsDto {
  @ApiProperty({ type: [DraftChangeDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  // More than an inspection has drafts, so one request always covers a review.
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DraftChangeDto)
  changes!: DraftChangeDto[];
}

export class OpenedDraftsDto {
  @ApiProperty({ example: 2, description: 'Drafts opened.' })
  opened!: number;

  @ApiProperty({ example: 1, description: 'Drafts changed and left in draft.' })
  saved!: number;
}
