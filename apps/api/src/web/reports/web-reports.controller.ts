import {
  ACTION_STATUSES,
  type ActionListFilters,
  type ActionSort,
  ActionsService,
  DashboardService,
  type Inspection,
  InspectionsService,
  type Progress,
} from '@app/actions';
import { daysBetween, londonDateOf } from '@app/common';
import { UsersService } from '@app/people';
import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { withQuery } from '../forms';
import { pageOf, pagination, sortState } from '../tables';
import { longDate, RAG_TAGS, statusTag } from '../view-models';
import { WebPages } from '../web-pages';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { plural } from '@app/mail';
import { barChartSvg, type DateMarker, lineChartSvg } from './charts';
import { DAILY_UP_TO_DAYS, liveSeries } from './open-series';
import { overdueCsv, overdueRow } from './report-views';
import { ReportsService } from './reports.service';

/** Rows per page of the overdue review. */
export const OVERDUE_PAGE_SIZE = 50;

/** The overdue review's columns, and the action list's sort for each ascending. */
const OVERDUE_SORTS = {
  reference: 'reference',
  title: 'title',
  owner: 'owner',
  team: 'team',
  inspection: 'inspection',
  dueOn: 'dueOn',
  // Fewest days overdue first is the latest deadline first.
  daysOverdue: '-dueOn',
  status: 'status',
} as const satisfies Record<string, ActionSort>;

/** `sort` reversed: "-x" for "x", and back. */
const reversed = (sort: ActionSort): ActionSort =>
  (sort.startsWith('-') ? sort.slice(1) : `-${sort}`) as ActionSort;

const BASIS_TEXT: Record<string, string> = {
  published: 'the publication date',
  inspection_ended: 'the last day of the inspection',
  imported: 'the day it was imported',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const ragTag = (progress: Progress) => RAG_TAGS[progress.rag] ?? RAG_TAGS.green;

/** The plan deadlines of an inspection, as rows and as chart markers. */
function planDeadlines(inspection: Inspection) {
  const rows = [
    { key: 'Draft plan for priority actions due', dueOn: inspection.draftPlanDueOn },
    { key: 'Final action plan due', dueOn: inspection.finalPlanDueOn },
  ];
  const markers: DateMarker[] = [];
  if (inspection.draftPlanDueOn) {
    markers.push({ date: inspection.draftPlanDueOn, label: 'Draft plan due' });
  }
  if (inspection.finalPlanDueOn) {
    markers.push({ date: inspection.finalPlanDueOn, label: 'Final plan due' });
  }
  return {
    rows: rows.map((row) => ({ key: row.key, value: longDate(row.dueOn, 'Not required') })),
    markers,
    countedFrom: `${longDate(inspection.deadlinesCountedFrom)}, ${BASIS_TEXT[inspection.deadlinesBasis] ?? inspection.deadlinesBasis}`,
  };
}

/**
 * Reports: an inspection's progress (everyone), and for managers the overdue review (with its
 * CSV) and the council dashboard. Figures come from the same services as the API.
 */
@PagesController()
export class WebReportsController {
  constructor(
    private readonly pages: WebPages,
    private readonly inspections: InspectionsService,
    private readonly dashboard: DashboardService,
    private readonly users: UsersService,
    private readonly actions: ActionsService,
    private readonly reports: ReportsService,
  ) {}

  @Get('inspections/:id/progress')
  async progress(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    const today = this.reports.today();
    const { inspection, progress } = await this.inspections.get(principal.councilId, id, today);
    const spans = await this.reports.liveSpans(principal.councilId, id);

    const statusRows = ACTION_STATUSES.map((status) => ({
      status,
      label: statusTag(status).text,
      tag: statusTag(status),
      count: progress.byStatus[status],
    }));
    const statusSummary = statusRows.map((row) => `${row.label} ${row.count}`).join(', ');
    const statusChart = barChartSvg({
      id: 'chart-status',
      title: `Actions by status for ${inspection.reference}`,
      description: `Horizontal bar chart of ${plural(progress.total, 'action')} by status: ${statusSummary}.`,
      bars: statusRows.map((row) => ({ label: row.label, value: row.count })),
      emptyText: 'This inspection has no actions yet',
    });

    const deadlines = planDeadlines(inspection);
    const importedOn = londonDateOf(inspection.importedAt);
    const firstOpened = spans.reduce(
      (first, span) => (span.openedOn < first ? span.openedOn : first),
      importedOn,
    );
    const from = firstOpened < today ? firstOpened : today;
    const points = liveSeries(spans, from, today);
    const latestDeadline = deadlines.markers.reduce<string | undefined>(
      (latest, m) => (latest === undefined || m.date > latest ? m.date : latest),
      undefined,
    );
    const outside = deadlines.markers.filter((m) => m.date < from);
    const deadlineText =
      deadlines.markers.length === 0
        ? 'This inspection sets no plan deadline.'
        : deadlines.markers
            .map(
              (m) =>
                `${m.label} ${longDate(m.date)}${m.date < from ? ' (before the import, so not drawn)' : ''}.`,
            )
            .join(' ');
    // seriesDates(from, today) has a point for every day, and from <= today: never empty.
    const start = points[0]?.value ?? 0;
    const last = points.at(-1)?.value ?? 0;
    const liveChart = lineChartSvg({
      id: 'chart-live',
      title: `Live actions over time for ${inspection.reference}`,
      description:
        `Line chart of live actions (draft, open, in progress or blocked) from ${longDate(from)} ` +
        `to ${longDate(today)}: ${start} at the start and ${last} today. ${deadlineText}`,
      points,
      markers: deadlines.markers,
      until: latestDeadline,
      unit: 'live',
    });

    await this.pages.render(req, res, principal, 'reports/progress', {
      title: `Progress of ${inspection.reference}`,
      section: 'inspections',
      inspection: {
        id: inspection.id,
        reference: inspection.reference,
        title: inspection.title,
        importedOn: longDate(importedOn),
      },
      progress: { ...progress, rag: ragTag(progress) },
      deadlines,
      deadlinesNotDrawn: outside.length > 0,
      statusChart,
      statusRows,
      liveChart,
      liveRows: points.map((point) => ({ date: longDate(point.date), value: point.value })),
      daily: daysBetween(from, today) <= DAILY_UP_TO_DAYS,
    });
  }

  @Get('overdue')
  async overdue(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'manager');
    const view = await this.overdueView(principal.councilId, req.query);
    let { items, total } = await this.actions.list(principal.councilId, {
      ...view.query,
      page: view.page,
      pageSize: OVERDUE_PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / OVERDUE_PAGE_SIZE));
    // A page past the end (the list shrank since the link was made) shows the last one.
    if (view.page > pages) {
      view.page = pages;
      ({ items, total } = await this.actions.list(principal.councilId, {
        ...view.query,
        page: pages,
        pageSize: OVERDUE_PAGE_SIZE,
      }));
    }
    const sortParams = { sort: view.sort.key, order: view.sort.direction };
    await this.pages.render(req, res, principal, 'reports/overdue', {
      title: 'Overdue actions',
      section: 'overdue',
      rows: items.map((action) => overdueRow(action, view.teamOf)),
      total,
      firstRow: total === 0 ? 0 : (view.page - 1) * OVERDUE_PAGE_SIZE + 1,
      lastRow: Math.min(total, view.page * OVERDUE_PAGE_SIZE),
      sort: view.sort,
      filters: view.filters,
      filtered: Object.values(view.filters).some((value) => value !== undefined),
      owners: view.ownerItems,
      teams: view.teamItems,
      inspections: view.inspectionItems,
      pagination: pagination('/overdue', { ...view.filters, ...sortParams }, view.page, pages),
      csvHref: withQuery('/overdue.csv', { ...view.filters, ...sortParams }),
    });
  }

  @Get('overdue.csv')
  async overdueCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'manager');
    const view = await this.overdueView(principal.councilId, req.query);
    // Every page, as far as the action export goes; the same capped fetch as the API's export,
    // so a cut-short file says so in the same headers.
    const { items, total, truncated } = await this.actions.exportList(
      principal.councilId,
      view.query,
    );
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
  async showDashboard(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'manager');
    const dashboard = await this.dashboard.forCouncil(principal.councilId);
    const totalActions = ACTION_STATUSES.reduce((sum, s) => sum + dashboard.byStatus[s], 0);
    await this.pages.render(req, res, principal, 'reports/dashboard', {
      title: 'Dashboard',
      section: 'dashboard',
      today: longDate(dashboard.today),
      totalActions,
      statusList: [
        ...ACTION_STATUSES.map((status) => ({
          key: { text: statusTag(status).text },
          value: { text: String(dashboard.byStatus[status]) },
        })),
        { key: { text: 'All actions' }, value: { text: String(totalActions) } },
      ],
      overdueTotal: dashboard.overdue.total,
      byOwner: dashboard.overdue.byOwner.map((row) => ({
        name: row.owner?.name ?? 'Unassigned',
        href: row.owner ? withQuery('/overdue', { owner: row.owner.id }) : null,
        count: row.count,
      })),
      byTeam: dashboard.overdue.byTeam.map((row) => ({
        name: row.team ?? 'No team',
        href: row.team ? withQuery('/overdue', { team: row.team }) : null,
        count: row.count,
      })),
      dueSoon: dashboard.dueSoon,
      inspections: dashboard.inspections.map((item) => ({
        id: item.id,
        reference: item.reference,
        title: item.title,
        published: longDate(item.publishedOn, 'Not known'),
        percent: item.progress.percentComplete,
        total: item.progress.total,
        overdue: item.progress.overdue,
        rag: ragTag(item.progress),
      })),
    });
  }

  /**
   * The overdue review's filters and sort from the query string. Only values offered in the
   * selects are taken (so nothing from another council); anything else means "all".
   */
  private async overdueView(councilId: string, query: Record<string, unknown>) {
    const [people, inspections] = await Promise.all([
      this.users.list(councilId, { includeDisabled: true }),
      this.reports.inspectionOptions(councilId),
    ]);
    const teams = new Map<string, string>();
    for (const person of people) {
      if (person.team && !teams.has(person.team.toLowerCase())) {
        teams.set(person.team.toLowerCase(), person.team);
      }
    }
    const teamList = [...teams.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
    const ownerParam = text(query.owner);
    const teamParam = text(query.team);
    const inspectionParam = text(query.inspection);
    const filters = {
      owner: people.some((p) => p.id === ownerParam) ? ownerParam : undefined,
      team: teamParam ? teams.get(teamParam.toLowerCase()) : undefined,
      inspection: inspections.some((i) => i.id === inspectionParam) ? inspectionParam : undefined,
    };
    const sort = sortState(
      '/overdue',
      query,
      Object.keys(OVERDUE_SORTS),
      { key: 'daysOverdue', direction: 'desc' },
      filters,
    );
    const page = pageOf(query);
    const teamByOwner = new Map(people.map((p) => [p.id, p.team]));
    const select = <T>(
      items: T[],
      value: (item: T) => string,
      label: (item: T) => string,
      current?: string,
    ) => [
      { value: '', text: 'All', selected: current === undefined },
      ...items.map((item) => ({
        value: value(item),
        text: label(item),
        selected: value(item) === current,
      })),
    ];
    const ascending = OVERDUE_SORTS[sort.key as keyof typeof OVERDUE_SORTS];
    const oq: ActionListFilters = {
      overdue: true,
      ownerId: filters.owner,
      team: filters.team,
      inspectionId: filters.inspection,
      sort: sort.direction === 'asc' ? ascending : reversed(ascending),
    };
    return {
      filters,
      sort,
      page,
      query: oq,
      teamOf: (ownerId: string) => teamByOwner.get(ownerId) ?? null,
      ownerItems: select(
        people,
        (p) => p.id,
        (p) => p.name,
        filters.owner,
      ),
      teamItems: select(
        teamList,
        (t) => t,
        (t) => t,
        filters.team,
      ),
      inspectionItems: select(
        inspections,
        (i) => i.id,
        (i) => (i.title ? `${i.reference}: ${i.title}` : i.reference),
        filters.inspection,
      ),
    };
  }
}
