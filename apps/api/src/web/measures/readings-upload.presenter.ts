import {
  READINGS_CSV_COLUMNS,
  READINGS_CSV_MAX_BYTES,
  READINGS_CSV_MAX_ROWS,
  type ReadingProblem,
} from '@app/measures';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';

export const UPLOAD_READINGS_VIEW = 'measures/upload-readings';

export const LIMIT_MB = READINGS_CSV_MAX_BYTES / 1024 / 1024;

/** What a refused or partly recorded upload leaves for the page to show again. */
export interface UploadOutcome {
  /** Readings recorded (the good rows, with keepGoodRows). */
  recorded: number;
  problems: ReadingProblem[];
  total: number;
  keepGoodRows: boolean;
}

/** "1 reading", "12 readings". */
export const readingsCount = (count: number): string =>
  count === 1 ? '1 reading' : `${count.toLocaleString('en-GB')} readings`;

/**
 * The upload page; after an upload that was refused or partly recorded, its errors and the
 * table of refused lines (line, column, problem), with how many were recorded as the banner.
 */
export function uploadReadingsPage(state?: FormState): PageLocals {
  const outcome = state?.values.outcome as UploadOutcome | undefined;
  return {
    title: 'Upload readings',
    limitMb: LIMIT_MB,
    maxRows: READINGS_CSV_MAX_ROWS.toLocaleString('en-GB'),
    columns: READINGS_CSV_COLUMNS,
    keepGoodRows: outcome?.keepGoodRows ?? false,
    ...(outcome &&
      outcome.recorded > 0 && { flash: `${readingsCount(outcome.recorded)} recorded` }),
    refused: (outcome?.problems ?? []).map((problem) => [
      { text: String(problem.line), format: 'numeric' },
      { text: problem.field || '–' },
      { text: problem.message },
    ]),
    refusedTotal: outcome?.total ?? 0,
    refusedShown: outcome?.problems.length ?? 0,
    errors: state?.errors ?? [],
    fieldErrors: state?.fieldErrors ?? {},
  };
}
