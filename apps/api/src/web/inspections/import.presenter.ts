import { MAX_INPUT_BYTES, type ReportInputErrorCode } from '@app/report-parser';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';

export const IMPORT_VIEW = 'inspections/import';

const LIMIT_MB = Math.round(MAX_INPUT_BYTES / 1024 / 1024);

/**
 * Why a file could not be read, as GOV.UK file upload error messages; null where the parser's
 * own message says it best (it names the configured limit).
 */
const READ_ERRORS: Record<ReportInputErrorCode, string | null> = {
  empty: 'The selected file is empty',
  unreadable_pdf: 'The selected file could not be read – it may be damaged. Upload it again',
  too_large: `The selected file must be smaller than ${LIMIT_MB}MB`,
  binary: 'The selected file must be a PDF or a text file',
  encrypted_pdf: 'The selected PDF is protected by a password. Upload a copy without a password',
  no_text_layer:
    'The selected PDF has no text in it (it may be a scan). Upload a PDF with text, or a text file',
  too_many_pages: null,
  too_much_text: null,
  too_slow: null,
  too_much_memory: null,
};

/** The GOV.UK wording for `code` where there is one, else the parser's own `message`. */
export const readError = (code: ReportInputErrorCode, message = ''): string =>
  READ_ERRORS[code] ?? message;

/** The inspection a refused upload was imported as already, to link to. */
export interface ExistingInspection {
  href: string;
  reference: string;
}

/**
 * The import page; after a refusal, its errors, and `existing` (in the state's values) linking
 * to the earlier import of the same file.
 */
export function importPage(state?: FormState): PageLocals {
  const existing = state?.values.existing as ExistingInspection | undefined;
  return {
    title: 'Import a report',
    section: 'inspections',
    limitMb: LIMIT_MB,
    existing: existing ?? null,
    errors: state?.errors ?? [],
    fieldErrors: state?.fieldErrors ?? {},
  };
}
