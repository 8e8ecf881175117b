import { BodyLimit } from '@app/common';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';

/** How a route takes one file as the multipart field `file`: what multer reads, and the body. */
export interface FileUploadRule {
  /** The request body's limit: the file's plus room for the multipart envelope. */
  bodyLimit: number;
  /** What multer reads: one file of at most the limit and a handful of small text fields. */
  multer: {
    limits: {
      fileSize: number;
      files: 1;
      fields: number;
      parts: number;
      fieldSize: number;
      fieldNameSize: number;
      headerPairs: number;
    };
    defParamCharset: 'utf8';
  };
}

/**
 * The rule for a route taking one file of at most `maxFileBytes` and at most `fields` small text
 * fields: a body of many parts or huge fields is refused as it arrives, not buffered.
 */
export function fileUploadRule(
  maxFileBytes: number,
  { fields, bodyLimit = maxFileBytes + 16 * 1024 }: { fields: number; bodyLimit?: number },
): FileUploadRule {
  return {
    bodyLimit,
    multer: {
      limits: {
        fileSize: maxFileBytes,
        files: 1,
        fields,
        parts: fields + 1,
        fieldSize: 1024,
        fieldNameSize: 100,
        headerPairs: 20,
      },
      // Browsers send file names as UTF-8; multer would read them as Latin-1 ("rÃ©sumÃ©").
      defParamCharset: 'utf8',
    },
  };
}

/**
 * An API route that takes a file by `rule`. Guards (sign-in, role) run before multer, so nothing
 * is read for a caller who may not upload.
 */
export const FileUpload = (rule: FileUploadRule): MethodDecorator =>
  applyDecorators(
    BodyLimit(rule.bodyLimit, { multipart: true }),
    UseInterceptors(FileInterceptor('file', rule.multer)),
  );
