import { AuthService, CurrentUser, type Principal, Public, RequireRole } from '@app/auth';
import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import type { Request } from 'express';
import { UserDto } from '../users/dto/user.dto';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { LoginResponseDto, TokensDto } from './dto/tokens.dto';
import { SignInLimiter } from './sign-in-limiter';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: SignInLimiter,
  ) {}

  @Post('login')
  @Public()
  // Only password checks are limited. Refresh tokens are 256 random bits (guessing is hopeless)
  // and logout needs a session; an IP cap on either would hit a whole office behind one address.
  @ApiRefusals({ 429: 'Too many attempts for this account or from this address; wait a minute.' })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      'Limited per account and per IP address (5 and 20 attempts a minute by default), counted ' +
      'together with the sign-in page.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiRefusals({
    401: 'Wrong email or password.',
    403: 'The council signs in only with its own account (single sign-on): use the sign-in page.',
  })
  async login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponseDto> {
    await this.limiter.charge(request.ip, body.email);
    const { user, tokens } = await this.auth.login(body.email, body.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    return { ...tokens, user: UserDto.of(user) };
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Swap a refresh token for a new access and refresh token',
    description:
      'Refresh tokens are single use. The one just replaced, sent again within 30 seconds ' +
      '(another tab refreshing at the same time), gets the same new pair; sent later, it ends ' +
      'the session, as a copy being replayed.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiRefusals({ 401: 'The session has ended.' })
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @RequireRole('partner')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse()
  @ApiRefusals({ 401: 'No valid session.' })
  async logout(@CurrentUser() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }
}
