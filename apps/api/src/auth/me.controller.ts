import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { UsersService } from '@app/people';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { UserDto } from '../users/dto/user.dto';
import { UpdateMeDto } from './dto/update-me.dto';

@ApiTags('auth')
@ApiRefusals({ 401: 'No valid session.' })
@Controller('me')
@RequireRole('partner')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The logged-in user' })
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() principal: Principal): Promise<UserDto> {
    return UserDto.of(await this.users.get(principal.councilId, principal.userId));
  }

  @Patch()
  @ApiOperation({
    summary: 'Change my email preference (every reminder, or the weekly digest only)',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiRefusals({ 400: 'An unknown field, or an email preference other than every or digest.' })
  async update(@CurrentUser() principal: Principal, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.of(
      await this.users.update(principal.councilId, principal.userId, {
        emailPreference: body.emailPreference,
      }),
    );
  }
}
