import type { InspectionSuggestion, InspectionWithProgress } from '@app/inspections';
import { longDate, RAG_TAGS } from '../view-models';

/** What each kind of document is called on the pages. */
const KIND_NAMES: Record<string, string> = {
  full_inspection: 'Full inspection',
  focused_visit: 'Focused visit',
  monitoring_visit: 'Monitoring visit',
  joint_inspection: 'Joint inspection',
  article: 'Article',
  other: 'Other document',
};

export const kindName = (kind: string): string => KIND_NAMES[kind] ?? 'Other document';

/** The date an inspection is known by: published, else the last day of the visit, else imported. */
export function inspectionDate(inspection: InspectionWithProgress['inspection']): string {
  return (
    inspection.publishedOn ??
    inspection.visitEndedOn ??
    new Date(inspection.importedAt).toISOString().slice(0, 10)
  );
}

export interface InspectionRow {
  id: string;
  reference: string;
  title: string;
  kind: string;
  date: string;
  dateLabel: string;
  total: number;
  percentComplete: number;
  overdue: number;
  rag: { text: string; classes: string };
}

export function inspectionRow({ inspection, progress }: InspectionWithProgress): InspectionRow {
  const date = inspectionDate(inspection);
  return {
    id: inspection.id,
    reference: inspection.reference,
    title: inspection.title ?? inspection.fileName,
    kind: kindName(inspection.kind),
    date,
    dateLabel: longDate(date),
    total: progress.total,
    percentComplete: progress.percentComplete,
    overdue: progress.overdue,
    rag: RAG_TAGS[progress.rag] ?? { text: progress.rag, classes: 'govuk-tag--grey' },
  };
}

export const INSPECTION_SORTS = ['reference', 'date', 'complete', 'overdue'] as const;

/** Sorts the (short, unpaged) list of inspections by one of INSPECTION_SORTS. */
export function sortInspections(
  rows: InspectionRow[],
  key: string,
  direction: 'asc' | 'desc',
): InspectionRow[] {
  const value = (row: InspectionRow): string | number =>
    key === 'reference'
      ? row.reference
      : key === 'complete'
        ? row.percentComplete
        : key === 'overdue'
          ? row.overdue
          : row.date;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.reference.localeCompare(b.reference) : sign * order;
  });
}

const SUGGESTION_TAGS: Record<string, { text: string; classes: string }> = {
  open: { text: 'To decide', classes: 'govuk-tag--blue' },
  accepted: { text: 'Accepted', classes: 'govuk-tag--green' },
  dismissed: { text: 'Dismissed', classes: 'govuk-tag--grey' },
};

export const suggestionTag = (status: string): { text: string; classes: string } =>
  SUGGESTION_TAGS[status] ?? { text: status, classes: 'govuk-tag--grey' };

export const suggestionRef = (suggestion: InspectionSuggestion): string =>
  `S${suggestion.position}`;

/**
 * The order a manager works through suggestions: those still to decide, most plainly stated
 * weakness first (the parser's `confidence`), then those decided, in the report's order.
 */
export function rankSuggestions<T extends { status: string; confidence: number; position: number }>(
  suggestions: readonly T[],
): T[] {
  const open = suggestions.filter((suggestion) => suggestion.status === 'open');
  const decided = suggestions.filter((suggestion) => suggestion.status !== 'open');
  open.sort((a, b) => b.confidence - a.confidence || a.position - b.position);
  decided.sort((a, b) => a.position - b.position);
  return [...open, ...decided];
}
