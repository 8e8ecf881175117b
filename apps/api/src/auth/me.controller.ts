import { CurrentUser, type Principal } from '@app/auth';
import { ErrorResponse } from '@app/common';
import { UsersService } from '@app/people';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UserDto } from '../users/dto/user.dto';
import { UpdateMeDto } from './dto/update-me.dto';

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

  @Patch()
  @ApiOperation({
    summary: 'Change my email preference (every reminder, or the weekly digest only)',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async update(@CurrentUser() principal: Principal, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.of(
      await this.users.update(principal.councilId, principal.userId, {
        emailPreference: body.emailPreference,
      }),
    );
  }
}
