import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { type CommitteeReport, CommitteeReportsService } from '@app/committee-reports';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { CommitteeReportDto } from './dto/committee-report.dto';
import { CommitteeReportQuery } from './dto/report.query';

/** The progress report committees ask for, as at any date, rebuilt from the history. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiRefusals({
  400: 'A bad query: an inspectionId that is not a UUID, asAt in the future, since not before asAt.',
  401: 'No valid session.',
  403: 'Managers and admins only.',
  404: 'No such inspection in your council.',
})
@Controller('reports/committee')
export class CommitteeReportsController {
  constructor(private readonly reports: CommitteeReportsService) {}

  @Get()
  @RequireRole('manager')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The committee progress report (managers)',
    description:
      'Recommendations and their actions with owner, deadlines and slippage, status, RAG (computed and any override), the latest note, evidence and each measure’s readings; with `since`, what changed after that date. As at the end of `asAt` (Europe/London), from the history.',
  })
  @ApiOkResponse({ type: CommitteeReportDto })
  show(
    @CurrentUser() principal: Principal,
    @Query() query: CommitteeReportQuery,
  ): Promise<CommitteeReport> {
    return this.reports.build(principal.councilId, query);
  }
}
