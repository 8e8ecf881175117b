import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users/dto/user.dto';

export class TokensDto {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds the access token lives.' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Single use: POST it to /auth/refresh for a new pair before the access token expires. ' +
      'Sent again within 30 seconds it gets the same pair; later, it ends the session.',
  })
  refreshToken!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the session ends regardless.',
  })
  refreshExpiresAt!: Date;
}

export class LoginResponseDto extends TokensDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
