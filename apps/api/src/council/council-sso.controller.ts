import {
  CurrentUser,
  type Principal,
  RequireRole,
  SSO_SETTINGS_BODY_LIMIT,
  SsoSettingsService,
} from '@app/auth';
import { BodyLimit } from '@app/common';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { SsoSettingsDto, UpdateSsoSettingsDto } from './dto/sso-settings.dto';

/**
 * Single sign-on for the caller's own council (admins): there is no council id to ask for, so
 * another council's settings cannot be reached.
 */
@ApiTags('council')
@Controller('council/sso')
@RequireRole('admin')
@ApiRefusals({ 401: 'No live session.', 403: 'Only an admin can see or change these.' })
export class CouncilSsoController {
  constructor(private readonly sso: SsoSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Your council’s single sign-on settings (admins)' })
  @ApiOkResponse({ type: SsoSettingsDto })
  @ApiRefusals({ 404: 'Single sign-on is not set up for this council.' })
  async get(@CurrentUser() principal: Principal): Promise<SsoSettingsDto> {
    return SsoSettingsDto.of(await this.sso.get(principal.councilId));
  }

  @Put()
  @BodyLimit(SSO_SETTINGS_BODY_LIMIT)
  @ApiOperation({
    summary: 'Set your council’s OpenID Connect provider (admins)',
    description:
      'The client secret is stored encrypted and never returned. With passwordsAllowed false, ' +
      'the council’s people can sign in only through the provider.',
  })
  @ApiOkResponse({ type: SsoSettingsDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields, or no client secret the first time.',
    409: 'The service has no SSO_SECRET_KEY, so no secret can be stored.',
    413: 'A body over 8 KB.',
  })
  async put(
    @CurrentUser() principal: Principal,
    @Body() body: UpdateSsoSettingsDto,
  ): Promise<SsoSettingsDto> {
    return SsoSettingsDto.of(await this.sso.save(principal.councilId, body));
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Turn single sign-on off for your council (admins); passwords work again',
  })
  @ApiNoContentResponse()
  @ApiRefusals({ 404: 'Single sign-on is not set up for this council.' })
  async remove(@CurrentUser() principal: Principal): Promise<void> {
    await this.sso.remove(principal.councilId);
  }
}
