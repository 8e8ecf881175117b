import type { InspectionDetail } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';
import { InspectionDetailDto } from './inspection-detail.dto';

/** The inspection just imported, and what the import created. */
export class ImportedInspectionDto extends InspectionDetailDto {
  @ApiProperty({ example: 19, description: 'Draft actions created: one per recommendation.' })
  actionsCreated!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'Set when the import needs a second look: no recommendations were found, or the report ' +
      'names another authority than your council.',
  })
  notice!: string | null;

  static ofImport(
    detail: InspectionDetail,
    actionsCreated: number,
    notices: readonly string[],
  ): ImportedInspectionDto {
    return {
      ...InspectionDetailDto.of(detail),
      actionsCreated,
      notice: notices.length > 0 ? notices.join(' ') : null,
    };
  }
}
