import { ReportInputError } from '@app/report-parser';
import { HttpException, HttpStatus } from '@nestjs/common';

/** How each reason a report cannot be read maps to HTTP (POST /extract and POST /inspections). */
export const REPORT_INPUT_STATUS: Record<ReportInputError['code'], HttpStatus> = {
  empty: HttpStatus.BAD_REQUEST,
  unreadable_pdf: HttpStatus.BAD_REQUEST,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  binary: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  encrypted_pdf: HttpStatus.UNPROCESSABLE_ENTITY,
  no_text_layer: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** A ReportInputError as the HTTP error it stands for; anything else unchanged. */
export function asHttpError(error: unknown): unknown {
  return error instanceof ReportInputError
    ? new HttpException(error.message, REPORT_INPUT_STATUS[error.code])
    : error;
}
