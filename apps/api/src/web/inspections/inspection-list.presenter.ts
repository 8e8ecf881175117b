import type { InspectionWithProgress } from '@app/inspections';
import type { PageLocals } from '../pipeline/page';
import { sortState } from '../tables';
import { INSPECTION_SORTS, inspectionRow, sortInspections } from './inspection-views';

/** The list of inspections, sorted by the columns' links (newest first unless asked). */
export function inspectionListPage(
  found: readonly InspectionWithProgress[],
  query: Record<string, unknown>,
): PageLocals {
  const sort = sortState('/inspections', query, INSPECTION_SORTS, {
    key: 'date',
    direction: 'desc',
  });
  return {
    title: 'Inspections',
    section: 'inspections',
    inspections: sortInspections(found.map(inspectionRow), sort.key, sort.direction),
    sort,
  };
}
