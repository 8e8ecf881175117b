import { CurrentUser, type Principal } from '@app/auth';
import { ErrorResponse } from '@app/common';
import { UsersService } from '@app/councils';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { UserDto } from '../users/dto/user.dto';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: UserDto })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async me(@CurrentUser() principal: Principal): Promise<UserDto> {
    return UserDto.of(await this.users.get(principal.councilId, principal.userId));
  }
}
