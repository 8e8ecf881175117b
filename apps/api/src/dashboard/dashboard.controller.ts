import { CurrentUser, type Principal } from '@app/auth';
import { DashboardService } from '@app/inspections';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { DashboardDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's council at a glance",
    description:
      'Counts by status, overdue actions by owner and by team, live actions due in the next 7 and 30 days, and progress with a RAG rating for each inspection. Any role.',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiRefusals({ 401: 'No valid session.' })
  async show(@CurrentUser() principal: Principal): Promise<DashboardDto> {
    return DashboardDto.of(await this.dashboard.forCouncil(principal.councilId));
  }
}
