import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { REPORT_UPLOAD_OPTIONS } from '../../common/report-upload';

/** Set on the request when the upload went over the size limit, so the form can say so. */
export const UPLOAD_TOO_LARGE = Symbol('uploadTooLarge');
export type UploadRequest = Request & { [UPLOAD_TOO_LARGE]?: boolean };

/**
 * The report upload, read by multer with the same limits as POST /api/inspections (the field
 * `file`, one file, 20 MB, a few small fields, UTF-8 names). A file over the limit is not an
 * error page: the handler sees the flag and shows it on the form.
 */
@Injectable()
export class ReportUploadInterceptor implements NestInterceptor {
  private readonly multer = new (FileInterceptor('file', REPORT_UPLOAD_OPTIONS))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeException)) throw error;
      context.switchToHttp().getRequest<UploadRequest>()[UPLOAD_TOO_LARGE] = true;
      return next.handle();
    }
  }
}

/** Whether the upload went over the size limit (ReportUploadInterceptor read none of it). */
export const UploadTooLarge = createParamDecorator(
  (_data: unknown, context: ExecutionContext): boolean =>
    context.switchToHttp().getRequest<UploadRequest>()[UPLOAD_TOO_LARGE] === true,
);
