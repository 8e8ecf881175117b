import { ACTION_STATUSES } from '@app/actions';
import { type Inspection, type LiveSpan, type Progress } from '@app/inspections';
import { barChartSvg, type DateMarker, lineChartSvg } from '@app/committee-reports';
import { daysBetween, londonDateOf } from '@app/common';
import { plural } from '@app/mail';
import type { PageLocals } from '../pipeline/page';
import { longDate, statusTag } from '../view-models';
import { DAILY_UP_TO_DAYS, liveSeries } from './open-series';
import { ragTag } from './report-views';

const BASIS_TEXT: Record<string, string> = {
  published: 'the publication date',
  inspection_ended: 'the last day of the inspection',
  imported: 'the day it was imported',
};

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
 * An inspection's progress page: its actions by status, and its live actions from the import
 * (or the first opened, if earlier) to `today`, with the plan deadlines marked.
 */
export function progressPage(
  inspection: Inspection,
  progress: Progress,
  spans: readonly LiveSpan[],
  today: string,
): PageLocals {
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

  return {
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
  };
}
