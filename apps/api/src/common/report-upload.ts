import { MAX_INPUT_BYTES } from '@app/report-parser';
import { FileUpload, fileUploadRule } from './file-upload';

/**
 * A report upload: the parser's file limit, a few small fields, and a body limit that also
 * leaves room for JSON escaping when /api/extract is sent text. Nothing else may send more than
 * the default 100 KB.
 */
export const REPORT_UPLOAD = fileUploadRule(MAX_INPUT_BYTES, {
  fields: 4,
  bodyLimit: 22 * 1024 * 1024,
});

/** A route that takes a report as the multipart field `file`. */
export const ReportUpload = (): MethodDecorator => FileUpload(REPORT_UPLOAD);
