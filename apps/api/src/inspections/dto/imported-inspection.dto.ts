import type { InspectionDetail } from '@app/actions';
import { ApiProperty } from '@nestjs/swagger';
import { InspectionDetailDto } from './inspection-detail.dto';

export const NO_RECOMMENDATIONS_NOTICE =
  'No recommendations were found in this report, so no actions were created. The inspection is recorded.';

/** The inspection just imported, and what the import created. */
export class ImportedInspectionDto extends InspectionDetailDto {
  @ApiProperty({ example: 19, description: 'Draft actions created: one per recommendation.' })
  actionsCreated!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Set when the import needs a second look, e.g. no recommendations were found.',
  })
  notice!: string | null;

  static ofImport(detail: InspectionDetail, actionsCreated: number): ImportedInspectionDto {
    return {
      ...InspectionDetailDto.of(detail),
      actionsCreated,
      notice: detail.recommendations.length === 0 ? NO_RECOMMENDATIONS_NOTICE : null,
    };
  }
}
