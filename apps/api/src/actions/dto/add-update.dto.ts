import {
  EVIDENCE_URL_MAX_LENGTH,
  EVIDENCE_URL_OPTIONS,
  PROGRESS_NOTE_MAX_LENGTH,
} from '@app/actions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

export class AddUpdateDto {
  @ApiProperty({
    example: 'Audited 40 of 120 plans; 31 good or better.',
    minLength: 1,
    maxLength: PROGRESS_NOTE_MAX_LENGTH,
  })
  @IsString()
  @Length(1, PROGRESS_NOTE_MAX_LENGTH)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;

  @ApiPropertyOptional({
    example: 'https://sharepoint.example.gov.uk/audits/2026-05.xlsx',
    maxLength: EVIDENCE_URL_MAX_LENGTH,
    description: 'A link to evidence; https only.',
  })
  @IsOptional()
  @IsUrl(EVIDENCE_URL_OPTIONS, { message: 'evidenceUrl must be an https URL' })
  @MaxLength(EVIDENCE_URL_MAX_LENGTH)
  evidenceUrl?: string;
}
