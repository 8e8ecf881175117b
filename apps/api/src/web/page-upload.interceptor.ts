import {
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { FileUploadRule } from '../common/file-upload';

/** Set on the request when the upload went over the size limit, so the form can say so. */
const UPLOAD_TOO_LARGE = Symbol('uploadTooLarge');
type UploadRequest = Request & { [UPLOAD_TOO_LARGE]?: boolean };

/**
 * A page's file upload, read by multer by the same rule as the API route's. A file over the
 * limit is not an error page: the handler sees the flag (UploadTooLarge) and says so on the form.
 */
export function PageUploadInterceptor(rule: FileUploadRule): Type<NestInterceptor> {
  @Injectable()
  class Upload implements NestInterceptor {
    private readonly multer = new (FileInterceptor('file', rule.multer))();

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
  return mixin(Upload);
}

/** Whether the upload went over the size limit (PageUploadInterceptor read none of it). */
export const UploadTooLarge = createParamDecorator(
  (_data: unknown, context: ExecutionContext): boolean =>
    context.switchToHttp().getRequest<UploadRequest>()[UPLOAD_TOO_LARGE] === true,
);
