import { CurrentUser, type Principal } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { REPEAT_DASHBOARD_LIMIT, RepeatFindingsService } from '@app/inspections';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { RepeatFindingActionDto } from './dto/repeat-finding-action.dto';

/** Beside GET /dashboard: the actions on repeat findings, which the dashboard page shows first. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard/repeat-findings')
export class RepeatFindingsDashboardController {
  constructor(
    private readonly repeats: RepeatFindingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Actions still to do on repeat findings',
    description:
      'Live actions whose recommendation a manager confirmed as repeating an earlier ' +
      `inspection’s, overdue first, then by deadline; at most ${REPEAT_DASHBOARD_LIMIT}. Any role.`,
  })
  @ApiOkResponse({ type: [RepeatFindingActionDto] })
  @ApiRefusals({ 401: 'No valid session.' })
  async list(@CurrentUser() principal: Principal): Promise<RepeatFindingActionDto[]> {
    const actions = await this.repeats.dashboardActions(
      principal.councilId,
      londonDateOf(this.clock.now()),
    );
    return actions.map((action) => RepeatFindingActionDto.of(action));
  }
}
