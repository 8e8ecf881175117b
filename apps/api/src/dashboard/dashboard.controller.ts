import { CurrentUser, type Principal } from '@app/auth';
import { DashboardService } from '@app/inspections';
import { ErrorResponse } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
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
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async show(@CurrentUser() principal: Principal): Promise<DashboardDto> {
    return DashboardDto.of(await this.dashboard.forCouncil(principal.councilId));
  }
}
