import { TryAgainLater } from '@app/common';
import { ExtractionBusyError, ReportInputError } from '@app/report-parser';
import { HttpException, HttpStatus } from '@nestjs/common';

/** How each reason a report cannot be read maps to HTTP (POST /extract and POST /inspections). */
export const REPORT_INPUT_STATUS: Record<ReportInputError['code'], HttpStatus> = {
  empty: HttpStatus.BAD_REQUEST,
  unreadable_pdf: HttpStatus.BAD_REQUEST,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  too_many_pages: HttpStatus.PAYLOAD_TOO_LARGE,
  too_much_text: HttpStatus.PAYLOAD_TOO_LARGE,
  binary: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  encrypted_pdf: HttpStatus.UNPROCESSABLE_ENTITY,
  no_text_layer: HttpStatus.UNPROCESSABLE_ENTITY,
  too_slow: HttpStatus.UNPROCESSABLE_ENTITY,
  too_much_memory: HttpStatus.UNPROCESSABLE_ENTITY,
};

/**
 * A ReportInputError as the HTTP error it stands for, and a full queue as 429 (the council has
 * as many reports waiting as it may); anything else unchanged.
 */
/** Seconds a council with a full extraction queue is asked to wait: a report takes a few. */
const EXTRACTION_RETRY_SECONDS = 10;

export function asHttpError(error: unknown): unknown {
  if (error instanceof ReportInputError) {
    return new HttpException(error.message, REPORT_INPUT_STATUS[error.code]);
  }
  if (error instanceof ExtractionBusyError) {
    // A place in the queue frees as soon as one of the council's reports is read.
    return new TryAgainLater(error.message, EXTRACTION_RETRY_SECONDS);
  }
  return error;
}
