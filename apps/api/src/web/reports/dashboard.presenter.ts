import { ACTION_STATUSES } from '@app/actions';
import { type Dashboard } from '@app/inspections';
import { withQuery } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { longDate, statusTag } from '../view-models';
import { ragTag } from './report-views';

/** The council dashboard (the figures GET /api/dashboard gives), linking into the overdue list. */
export function dashboardPage(dashboard: Dashboard): PageLocals {
  const totalActions = ACTION_STATUSES.reduce((sum, s) => sum + dashboard.byStatus[s], 0);
  return {
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
    // Shown once a partner organisation has overdue actions: until then it is all the council's.
    byOrganisation: dashboard.overdue.byOrganisation.some((row) => row.organisation)
      ? dashboard.overdue.byOrganisation.map((row) => ({
          name: row.organisation?.name ?? 'The council',
          href: null,
          count: row.count,
        }))
      : [],
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
  };
}
