import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The body of every error response. `message` is always one string: validation failures list
 * each problem, joined with "; " (e.g. "name must be a string; dueOn must be a date").
 */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase for statusCode.' })
  error!: string;

  @ApiProperty({ example: 'Cannot GET /nope' })
  message!: string;

  @ApiProperty({
    example: '0b6f1c1e-4a53-4a43-9f55-2b1a3a9f9c2d',
    description: 'Also sent as the x-request-id header; quote it when reporting a problem.',
  })
  requestId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { missing: ['ownerId', 'successMeasure'] },
    description:
      'Machine-readable facts about some errors: what is missing (422), the existing record (409).',
  })
  details?: Record<string, unknown>;
}
