import type { Inspection } from '@app/inspections';
import { ApiProperty } from '@nestjs/swagger';

/** The file the inspection was imported from (GET /inspections/:id/file serves it). */
export class InspectionFileInfoDto {
  @ApiProperty({ example: 'stockport-ilacs-2016.pdf' })
  name!: string;

  @ApiProperty({ enum: ['application/pdf', 'text/plain'], example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty({ example: 482113, description: 'Bytes.' })
  size!: number;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'Hex SHA-256: importing the same file again answers 409.',
  })
  sha256!: string;

  static of(inspection: Inspection): InspectionFileInfoDto {
    return {
      name: inspection.fileName,
      mediaType: inspection.fileMediaType,
      size: inspection.fileSize,
      sha256: inspection.fileSha256,
    };
  }
}
