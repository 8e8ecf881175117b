import { READINGS_CSV_MAX_BYTES } from '@app/measures';
import { FileUpload, fileUploadRule } from './file-upload';

/**
 * A readings upload: the one `file` and the `keepGoodRows` field (and a page's CSRF token, which
 * may come as a field too).
 */
export const READINGS_UPLOAD = fileUploadRule(READINGS_CSV_MAX_BYTES, { fields: 3 });

/** A route that takes a readings CSV as the multipart field `file`. */
export const ReadingsUpload = (): MethodDecorator => FileUpload(READINGS_UPLOAD);
