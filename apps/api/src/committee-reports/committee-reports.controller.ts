import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import {
  type CommitteeReport,
  CommitteeReportsService,
  REPORT_DRAWN_MAX_ACTIONS,
} from '@app/committee-reports';
import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRefusals } from '../common/api-refusals';
import { CommitteeReportDto } from './dto/committee-report.dto';
import { CommitteeReportQuery } from './dto/report.query';
import { REPORT_FORMATS, ReportFormatPath, sendReport } from './report-files';

/** The progress report committees ask for, as at any date, rebuilt from the history. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiRefusals({
  400: 'A bad query: an inspectionId that is not a UUID, asAt in the future, since not before asAt.',
  401: 'No valid session.',
  403: 'Managers and admins only.',
  404: 'No such inspection in your council.',
})
@Controller('reports')
export class CommitteeReportsController {
  constructor(private readonly reports: CommitteeReportsService) {}

  @Get('committee')
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

  @Get('committee.:format')
  @RequireRole('manager')
  @ApiOperation({
    summary: 'The committee progress report as a Word document or an Excel workbook (managers)',
    description:
      'docx: an accessible Word document: real headings, header rows repeated across pages, each chart with a text alternative and its numbers in a table. xlsx: one row per action (frozen header row, filters, dates as dates), a sheet of readings and one of changes, streamed. Same query as the JSON report.',
  })
  @ApiProduces(REPORT_FORMATS.docx, REPORT_FORMATS.xlsx)
  @ApiOkResponse({
    description: 'The file (attachment).',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiRefusals({
    400: `As for the JSON report, a format other than docx or xlsx, or a Word document of more than ${REPORT_DRAWN_MAX_ACTIONS} actions (details.code report-too-large): choose one inspection, or take the workbook.`,
  })
  // @Res() because a file is streamed, not returned.
  async file(
    @CurrentUser() principal: Principal,
    @Param() { format }: ReportFormatPath,
    @Query() query: CommitteeReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await sendReport(res, this.reports, { councilId: principal.councilId, query, format });
  }
}
