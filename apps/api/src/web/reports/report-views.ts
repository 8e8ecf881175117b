import { type ActionView, neutraliseFormula } from '@app/actions';
import { type Progress } from '@app/inspections';
import { stringify } from 'csv-stringify/sync';
import { longDate, RAG_TAGS, statusTag } from '../view-models';

/** One row of the overdue review, as shown and as exported. */
export interface OverdueRow {
  id: string;
  reference: string;
  title: string;
  owner: string;
  team: string;
  inspection: string;
  dueOn: string;
  dueLabel: string;
  daysOverdue: number;
  status: { text: string; classes: string };
}

export function overdueRow(action: ActionView, teamOf: (ownerId: string) => string | null) {
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    owner: action.owner?.name ?? 'Unassigned',
    team: (action.owner && teamOf(action.owner.id)) ?? 'No team',
    inspection: action.inspection.reference,
    dueOn: action.dueOn ?? '',
    dueLabel: longDate(action.dueOn),
    daysOverdue: action.daysLeft === null ? 0 : -action.daysLeft,
    status: statusTag(action.status),
  } satisfies OverdueRow;
}

/** Excel reads a leading BOM as "this file is UTF-8". */
const BOM = '\uFEFF';

export const OVERDUE_CSV_HEADER = [
  'Reference',
  'Title',
  'Owner',
  'Team',
  'Inspection',
  'Due date',
  'Days overdue',
  'Status',
] as const;

/** The overdue review as CSV: the table's columns, its rows in its order, CRLF line ends. */
export function overdueCsv(rows: readonly OverdueRow[]): string {
  const cells = rows.map((row) => [
    neutraliseFormula(row.reference),
    neutraliseFormula(row.title),
    neutraliseFormula(row.owner),
    neutraliseFormula(row.team),
    neutraliseFormula(row.inspection),
    row.dueOn,
    row.daysOverdue,
    row.status.text,
  ]);
  return (
    BOM +
    stringify(cells, {
      header: true,
      columns: [...OVERDUE_CSV_HEADER],
      record_delimiter: 'windows',
    })
  );
}

/** An inspection's RAG rating as a tag (green when it has none yet). */
export const ragTag = (progress: Progress) => RAG_TAGS[progress.rag] ?? RAG_TAGS.green;
