import { stringify } from 'csv-stringify/sync';
import type { ActionView } from './action-view';

/** The export stops here: a bigger sheet is not something anyone opens in Excel. */
export const EXPORT_MAX_ROWS = 50_000;

/** Excel reads a leading BOM as "this file is UTF-8" (names with accents survive). */
const BOM = '\uFEFF';

type Cell = string | number | boolean | null;

const COLUMNS: ReadonlyArray<[header: string, value: (action: ActionView) => Cell]> = [
  ['Reference', (a) => a.reference],
  ['Title', (a) => a.title],
  ['Description', (a) => a.description],
  ['Status', (a) => a.status],
  ['Status reason', (a) => a.statusReason],
  ['Overdue', (a) => (a.overdue ? 'yes' : 'no')],
  ['Due on', (a) => a.dueOn],
  ['Original due on', (a) => a.originalDueOn],
  ['Slippage days', (a) => a.slippageDays],
  ['Days left', (a) => a.daysLeft],
  ['Owner', (a) => a.owner?.name ?? null],
  ['Owner email', (a) => a.owner?.email ?? null],
  ['Success measure', (a) => a.successMeasure],
  ['SMART gaps', (a) => a.smartGaps.join('; ')],
  ['Inspection', (a) => a.inspection.reference],
  ['Recommendation', (a) => a.recommendation.ref],
  ['Priority', (a) => a.recommendation.priority],
  ['Recommendation text', (a) => a.recommendation.text],
  ['Responsible', (a) => a.responsible.join('; ')],
  ['Completed at', (a) => a.completedAt?.toISOString() ?? null],
  ['Verified at', (a) => a.verifiedAt?.toISOString() ?? null],
  ['Created at', (a) => a.createdAt.toISOString()],
  ['Updated at', (a) => a.updatedAt.toISOString()],
  ['Id', (a) => a.id],
];

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection") gets a leading
 * quote, so it shows as text. Numbers are ours, not user input, and stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function cellText(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  return neutraliseFormula(String(cell));
}

/** Actions as a CSV file Excel opens cleanly: UTF-8 BOM, CRLF, header row, ISO dates. */
export function actionsToCsv(actions: readonly ActionView[]): string {
  const rows = actions.map((action) => COLUMNS.map(([, value]) => cellText(value(action))));
  return (
    BOM +
    stringify(rows, {
      header: true,
      columns: COLUMNS.map(([header]) => header),
      record_delimiter: 'windows',
    })
  );
}
