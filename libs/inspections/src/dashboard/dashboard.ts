import { type ActionStatus } from '@app/actions';
import type { RagCorrection } from '@app/measures';
import { emptyByStatus, type Progress, type StatusCount, summarise } from '../progress/progress';
import type { DashboardRow } from './dashboard.queries';

export interface DashboardOwner {
  id: string;
  name: string;
  email: string;
}

export interface Dashboard {
  today: string;
  byStatus: Record<ActionStatus, number>;
  overdue: {
    total: number;
    byOwner: Array<{ owner: DashboardOwner | null; count: number }>;
    byTeam: Array<{ team: string | null; count: number }>;
    /** Partner organisations responsible; null: the council alone. */
    byOrganisation: Array<{ organisation: { id: string; name: string } | null; count: number }>;
  };
  dueSoon: { next7Days: number; next30Days: number };
  inspections: Array<{
    id: string;
    reference: string;
    title: string | null;
    publishedOn: string | null;
    progress: Progress;
  }>;
}

/**
 * Shapes the dashboard statement's row into the response. Pure, so the benchmark's baseline
 * builds the same payload and the comparison measures only the framework and authentication.
 * Per-inspection progress goes through `summarise`, the rule ProgressService applies too, with
 * the actions rated beyond their deadlines (`corrections`; the bench's bare baseline has none).
 */
export function assembleDashboard(
  row: DashboardRow,
  today: string,
  corrections: readonly RagCorrection[] = [],
): Dashboard {
  const byStatus = emptyByStatus();
  const overdueBy = new Map(row.overdue.map((o) => [`${o.inspection_id}/${o.status}`, o]));
  const perInspection = new Map<string, StatusCount[]>();
  for (const c of row.counts) {
    byStatus[c.status] += c.count;
    const overdue = overdueBy.get(`${c.inspection_id}/${c.status}`);
    const list = perInspection.get(c.inspection_id) ?? [];
    list.push({
      status: c.status,
      count: c.count,
      overdue: overdue?.overdue ?? 0,
      overduePriority: overdue?.overdue_priority ?? 0,
    });
    perInspection.set(c.inspection_id, list);
  }
  return {
    today,
    byStatus,
    overdue: {
      total: row.overdue.reduce((sum, o) => sum + o.overdue, 0),
      byOwner: row.by_owner.map((o) => ({
        // No user row (no owner yet, only possible on drafts) is "unassigned".
        owner:
          o.id !== null && o.name !== null && o.email !== null
            ? { id: o.id, name: o.name, email: o.email }
            : null,
        count: o.count,
      })),
      byTeam: row.by_team.map((t) => ({ team: t.team, count: t.count })),
      byOrganisation: row.by_organisation.map((o) => ({
        organisation: o.id !== null && o.name !== null ? { id: o.id, name: o.name } : null,
        count: o.count,
      })),
    },
    dueSoon: { next7Days: row.due_soon.next_7_days, next30Days: row.due_soon.next_30_days },
    inspections: row.inspections.map((i) => ({
      id: i.id,
      reference: i.reference,
      title: i.title,
      publishedOn: i.published_on,
      progress: summarise(
        perInspection.get(i.id) ?? [],
        corrections.filter((c) => c.inspectionId === i.id),
      ),
    })),
  };
}
