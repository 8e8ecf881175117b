/** Why an input could not be read as a report. */
export type ReportInputErrorCode =
  | 'empty'
  | 'too_large'
  | 'too_many_pages'
  | 'too_much_text'
  | 'binary'
  | 'unreadable_pdf'
  | 'encrypted_pdf'
  | 'no_text_layer'
  | 'too_slow'
  | 'too_much_memory';

/**
 * The input is not a report we can read. The message is one sentence a person can act on;
 * callers map the code to an exit status or HTTP status.
 */
export class ReportInputError extends Error {
  constructor(
    readonly code: ReportInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/**
 * Refused without reading: as many extractions as one fairness key may have waiting already
 * are waiting. Nothing is wrong with the input; the caller may try again shortly.
 */
export class ExtractionBusyError extends Error {
  constructor(readonly waiting: number) {
    super(
      `${waiting === 1 ? '1 report is' : `${waiting} reports are`} already waiting to be read for ` +
        'you, the most allowed; try again in a minute.',
    );
    this.name = 'ExtractionBusyError';
  }
}
