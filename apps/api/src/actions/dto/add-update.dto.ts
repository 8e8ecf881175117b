import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';

export class AddUpdateDto {
  @ApiProperty({
    example: 'Audited 40 of 120 plans; 31 good or better.',
    minLength: 1,
    maxLength: 5000,
  })
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;

  @ApiPropertyOptional({
    example: 'https://sharepoint.example.gov.uk/audits/2026-05.xlsx',
    maxLength: 2000,
    description: 'A link to evidence; https only.',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'evidenceUrl must be an https URL' },
  )
  @MaxLength(2000)
  evidenceUrl?: string;
}
