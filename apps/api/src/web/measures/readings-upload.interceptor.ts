import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { READINGS_UPLOAD_OPTIONS } from '../../common/readings-upload';
import { UPLOAD_TOO_LARGE, type UploadRequest } from '../inspections/report-upload.interceptor';

/**
 * The readings file, read by multer with the same limits as POST /api/measures/readings. A file
 * over the limit is not an error page: the handler sees the flag (UploadTooLarge) and says so
 * on the form, as the report import does.
 */
@Injectable()
export class ReadingsUploadInterceptor implements NestInterceptor {
  private readonly multer = new (FileInterceptor('file', READINGS_UPLOAD_OPTIONS))();

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
