import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { remindersConfig, type RemindersConfig } from '@app/config';
import { type Council, CouncilsService } from '@app/people';
import { CouncilSettingsService, resolvePolicy } from '@app/reminders';
import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { CouncilDto } from './dto/council.dto';
import { UpdateCouncilDto } from './dto/update-council.dto';

/** The caller's own council: there is no id to ask for, so no other council can be reached. */
@ApiTags('council')
@Controller('council')
@ApiRefusals({ 401: 'No live session.' })
export class CouncilController {
  constructor(
    private readonly councils: CouncilsService,
    private readonly settings: CouncilSettingsService,
    @Inject(remindersConfig.KEY) private readonly reminders: RemindersConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your council and its settings' })
  @ApiOkResponse({ type: CouncilDto })
  async get(@CurrentUser() principal: Principal): Promise<CouncilDto> {
    return this.toDto(await this.councils.get(principal.councilId));
  }

  @Patch()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Change your council’s settings (admins)',
    description:
      'New deadline windows apply to reports imported from now on; existing deadlines stay.',
  })
  @ApiOkResponse({ type: CouncilDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields.',
    403: 'Only an admin can change these.',
    409: 'Another council has that name.',
  })
  async update(
    @CurrentUser() principal: Principal,
    @Body() body: UpdateCouncilDto,
  ): Promise<CouncilDto> {
    // New reminder rules also re-plan the reminders planned under the old ones.
    return this.toDto(await this.settings.update(principal.councilId, body));
  }

  private toDto(council: Council): CouncilDto {
    return CouncilDto.of(council, resolvePolicy(council.notificationSettings, this.reminders));
  }
}
