import { BodyLimit } from '@app/common';
import { READINGS_CSV_MAX_BYTES } from '@app/measures';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';

/** A readings file's request body: the file limit plus room for the multipart envelope. */
export const READINGS_BODY_LIMIT = READINGS_CSV_MAX_BYTES + 16 * 1024;

/**
 * What multer reads of a readings upload: the one `file` and the `keepGoodRows` field (and a
 * page's CSRF token, which may come as a field too), so anything bigger is refused as it arrives.
 */
export const READINGS_UPLOAD_OPTIONS = {
  limits: {
    fileSize: READINGS_CSV_MAX_BYTES,
    files: 1,
    fields: 3,
    parts: 4,
    fieldSize: 1024,
    fieldNameSize: 100,
    headerPairs: 20,
  },
  // Browsers send file names as UTF-8; multer would read them as Latin-1.
  defParamCharset: 'utf8',
} as const;

/**
 * A route that takes a readings CSV as the multipart field `file`. Guards (sign-in) run before
 * multer, so nothing is read for a caller who is not signed in.
 */
export const ReadingsUpload = (): MethodDecorator =>
  applyDecorators(
    BodyLimit(READINGS_BODY_LIMIT, { multipart: true }),
    UseInterceptors(FileInterceptor('file', READINGS_UPLOAD_OPTIONS)),
  );
