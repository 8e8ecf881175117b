import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A report sent as text in a JSON body, for callers that already hold it as a string. */
export class ExtractTextDto {
  @ApiProperty({
    description: 'The report as plain text (lines as in the document).',
    example:
      'What needs to improve in this area of social work practice\n\n- The clarity of actions recorded in children’s plans.',
    maxLength: 20 * 1024 * 1024,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20 * 1024 * 1024)
  text!: string;
}
