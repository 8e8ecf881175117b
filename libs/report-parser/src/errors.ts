/** Why an input could not be read as a report. */
export type ReportInputErrorCode =
  'empty' | 'too_large' | 'binary' | 'unreadable_pdf' | 'encrypted_pdf' | 'no_text_layer';

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
