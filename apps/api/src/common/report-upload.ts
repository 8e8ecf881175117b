import { BodyLimit } from '@app/common';
import { MAX_INPUT_BYTES } from '@app/report-parser';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';

/**
 * A report's request body: the file limit plus room for a multipart envelope, or for JSON
 * escaping when /api/extract is sent text. Nothing else may send more than the default 100 KB.
 */
export const REPORT_BODY_LIMIT = 22 * 1024 * 1024;

/**
 * What multer reads of a report upload: the one `file` and at most a handful of small text
 * fields, so a body of many parts or huge fields is refused as it arrives, not buffered.
 */
export const REPORT_UPLOAD_LIMITS = {
  fileSize: MAX_INPUT_BYTES,
  files: 1,
  fields: 4,
  parts: 5,
  fieldSize: 1024,
  fieldNameSize: 100,
  headerPairs: 20,
} as const;

export const REPORT_UPLOAD_OPTIONS = {
  limits: REPORT_UPLOAD_LIMITS,
  // Browsers send file names as UTF-8; multer would read them as Latin-1 ("rÃ©sumÃ©").
  defParamCharset: 'utf8',
} as const;

/**
 * A route that takes a report as the multipart field `file`. Guards (sign-in, role) run before
 * multer, so nothing is read for a caller who may not upload.
 */
export const ReportUpload = (): MethodDecorator =>
  applyDecorators(
    BodyLimit(REPORT_BODY_LIMIT, { multipart: true }),
    UseInterceptors(FileInterceptor('file', REPORT_UPLOAD_OPTIONS)),
  );
