import { ActionsService } from '@app/actions';
import { CommitteeReportsService, REPORT_DRAWN_MAX_ACTIONS } from '@app/committee-reports';
import {
  DashboardService,
  InspectionsService,
  RepeatFindingsService,
  ReportsService,
} from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { UsersService } from '@app/people';
import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type PageLocals, PageView } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { repeatFindingRows } from '../repeats/repeat-findings.presenter';
import { dashboardPage } from './dashboard.presenter';
import {
  OVERDUE_PAGE_SIZE,
  type OverdueQuery,
  overduePage,
  overdueView,
} from './overdue.presenter';
import { CommitteeReportQuery } from '../../committee-reports/dto/report.query';
import { ReportFormatPath, sendReport } from '../../committee-reports/report-files';
import { committeePage } from './committee.presenter';
import { progressPage } from './progress.presenter';
import { overdueCsv, overdueRow } from './report-views';

/**
 * Reports: an inspection's progress (everyone), and for managers the overdue review (with its
 * CSV) and the council dashboard. Figures come from the same services as the API.
 */
@PagesController()
export class WebReportsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly dashboard: DashboardService,
    private readonly users: UsersService,
    private readonly actions: ActionsService,
    private readonly reports: ReportsService,
    private readonly committee: CommitteeReportsService,
    private readonly repeats: RepeatFindingsService,
  ) {}

  @Get('inspections/:id/progress')
  @PageView('reports/progress')
  async progress(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
  ): Promise<PageLocals> {
    const today = this.reports.today();
    const [{ inspection, progress }, spans] = await Promise.all([
      this.inspections.get(user.councilId, id, today),
      this.reports.liveSpans(user.councilId, id),
    ]);
    return progressPage(inspection, progress, spans, today);
  }

  @Get('overdue')
  @RequireRole('manager')
  @PageView('reports/overdue')
  async overdue(@CurrentUser() user: Principal, @Query() query: OverdueQuery): Promise<PageLocals> {
    const view = await this.overdueView(user.councilId, query);
    const list = (at: number) =>
      this.actions.list(user, { ...view.query, page: at, pageSize: OVERDUE_PAGE_SIZE });
    let found = await list(view.page);
    const pages = Math.max(1, Math.ceil(found.total / OVERDUE_PAGE_SIZE));
    // A page past the end (the list shrank since the link was made) shows the last one.
    const shown = Math.min(view.page, pages);
    if (shown !== view.page) found = await list(shown);
    return overduePage(view, found, shown, pages);
  }

  /** The overdue review as a file: @Res() because a download is not a page. */
  @Get('overdue.csv')
  @RequireRole('manager')
  async overdueCsv(
    @CurrentUser() user: Principal,
    @Res() res: Response,
    @Query() query: OverdueQuery,
  ): Promise<void> {
    const view = await this.overdueView(user.councilId, query);
    // Every page, as far as the action export goes; the same capped fetch as the API's export,
    // so a cut-short file says so in the same headers.
    const { items, total, truncated } = await this.actions.exportList(user, view.query);
    const csv = overdueCsv(items.map((action) => overdueRow(action, view.teamOf)));
    res.setHeader('X-Total-Count', String(total));
    if (truncated) res.setHeader('X-Export-Truncated', 'true');
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`overdue-actions-${this.reports.today()}.csv`)
      .send(csv);
  }

  @Get('dashboard')
  @RequireRole('manager')
  @PageView('reports/dashboard')
  async showDashboard(@CurrentUser() user: Principal): Promise<PageLocals> {
    const [dashboard, repeats] = await Promise.all([
      this.dashboard.forCouncil(user.councilId),
      this.repeats.dashboardActions(user.councilId, this.reports.today()),
    ]);
    // Beside dashboardPage, not in it: repeat findings are their own section, shown first.
    return { ...dashboardPage(dashboard), repeatFindings: repeatFindingRows(repeats) };
  }

  /** The committee progress report, as GET /api/reports/committee gives it. */
  @Get('reports/committee')
  @RequireRole('manager')
  @PageView('reports/committee')
  async committeeReport(
    @CurrentUser() user: Principal,
    @Query() query: CommitteeReportQuery,
  ): Promise<PageLocals> {
    const [report, options] = await Promise.all([
      this.committee.build(user.councilId, query, { maxActions: REPORT_DRAWN_MAX_ACTIONS }),
      this.reports.inspectionOptions(user.councilId),
    ]);
    return committeePage(report, options);
  }

  /** The report as a Word document or a workbook: @Res() because a download is not a page. */
  @Get('reports/committee.:format')
  @RequireRole('manager')
  async committeeFile(
    @CurrentUser() user: Principal,
    @Param() { format }: ReportFormatPath,
    @Query() query: CommitteeReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    await sendReport(res, this.committee, { councilId: user.councilId, query, format });
  }

  /** The filters offered (the council's people and inspections) and those chosen. */
  private async overdueView(councilId: string, query: OverdueQuery) {
    const [people, inspections] = await Promise.all([
      this.users.list(councilId, { includeDisabled: true }),
      this.reports.inspectionOptions(councilId),
    ]);
    return overdueView(query, people, inspections);
  }
}
