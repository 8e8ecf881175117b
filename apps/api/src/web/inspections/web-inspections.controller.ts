import { ImportService, InspectionsService } from '@app/actions';
import { type Principal, RequireRole } from '@app/auth';
import { BodyLimit, Clock, londonDateOf } from '@app/common';
import { plural } from '@app/mail';
import {
  ExtractionBusyError,
  MAX_INPUT_BYTES,
  ReportInputError,
  type ReportInputErrorCode,
} from '@app/report-parser';
import {
  ConflictException,
  Get,
  HttpStatus,
  Post,
  Req,
  Res,
  UnprocessableEntityException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { REPORT_BODY_LIMIT } from '../../common/report-upload';
import { sortState } from '../tables';
import { WebPages } from '../web-pages';
import { PagesController } from '../pipeline/pages-controller';
import { INSPECTION_SORTS, inspectionRow, sortInspections } from './inspection-views';
import {
  ReportUploadInterceptor,
  UPLOAD_TOO_LARGE,
  type UploadRequest,
} from './report-upload.interceptor';

const LIMIT_MB = Math.round(MAX_INPUT_BYTES / 1024 / 1024);

/**
 * Why a file could not be read, as GOV.UK file upload error messages; null where the parser's
 * own message says it best (it names the configured limit).
 */
const READ_ERRORS: Record<ReportInputErrorCode, string | null> = {
  empty: 'The selected file is empty',
  unreadable_pdf: 'The selected file could not be read – it may be damaged. Upload it again',
  too_large: `The selected file must be smaller than ${LIMIT_MB}MB`,
  binary: 'The selected file must be a PDF or a text file',
  encrypted_pdf: 'The selected PDF is protected by a password. Upload a copy without a password',
  no_text_layer:
    'The selected PDF has no text in it (it may be a scan). Upload a PDF with text, or a text file',
  too_many_pages: null,
  too_much_text: null,
  too_slow: null,
  too_much_memory: null,
};

/** The GOV.UK wording for `code` where there is one, else the parser's own `message`. */
const readError = (code: ReportInputErrorCode, message = ''): string =>
  READ_ERRORS[code] ?? message;

/** The list of inspections, and importing a report (managers). */
@PagesController('inspections')
export class WebInspectionsController {
  constructor(
    private readonly pages: WebPages,
    private readonly inspections: InspectionsService,
    private readonly importer: ImportService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    const found = await this.inspections.list(principal.councilId, londonDateOf(this.clock.now()));
    const sort = sortState('/inspections', req.query, INSPECTION_SORTS, {
      key: 'date',
      direction: 'desc',
    });
    await this.pages.render(req, res, principal, 'inspections/list', {
      title: 'Inspections',
      section: 'inspections',
      inspections: sortInspections(found.map(inspectionRow), sort.key, sort.direction),
      sort,
    });
  }

  @Get('import')
  async importPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'manager');
    await this.renderImport(req, res, principal);
  }

  @Post('import')
  // The session, role and CSRF token (in the form's address) are checked before multer reads
  // a byte of the upload.
  @RequireRole('manager')
  @BodyLimit(REPORT_BODY_LIMIT, { multipart: true })
  @UseInterceptors(ReportUploadInterceptor)
  async import(
    @Req() req: UploadRequest,
    @Res() res: Response,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const fail = (text: string, existing?: { href: string; reference: string }) =>
      this.renderImport(req, res, principal, { text, existing }, HttpStatus.BAD_REQUEST);
    if (req[UPLOAD_TOO_LARGE]) return fail(readError('too_large'));
    if (!file) return fail('Select a report to import');
    if (file.size === 0) return fail(readError('empty'));
    try {
      const imported = await this.importer.importReport({
        councilId: principal.councilId,
        importedById: principal.userId,
        fileName: file.originalname,
        content: file.buffer,
      });
      const count = imported.recommendations.length;
      const notices = imported.notices.length > 0 ? ` ${imported.notices.join(' ')}` : '';
      this.pages.redirect(
        res,
        `/inspections/${imported.inspection.id}`,
        `Imported ${plural(count, 'recommendation')} from ${imported.inspection.reference}.${notices}`,
      );
    } catch (error) {
      if (error instanceof ReportInputError) return fail(readError(error.code, error.message));
      if (error instanceof ExtractionBusyError) {
        return this.renderImport(
          req,
          res,
          principal,
          {
            text: 'Other reports from your council are being read – upload this one again in a minute',
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      if (error instanceof ConflictException) {
        const body = error.getResponse() as {
          details?: { inspectionId?: string; reference?: string };
        };
        const { inspectionId, reference } = body.details ?? {};
        return fail(
          'This report has already been imported',
          inspectionId && reference
            ? { href: `/inspections/${inspectionId}`, reference }
            : undefined,
        );
      }
      if (error instanceof UnprocessableEntityException) {
        return fail(
          'The selected file does not look like an inspection report or letter – no inspectorate, dates or recommendations were found in it',
        );
      }
      throw error;
    }
  }

  private async renderImport(
    req: Request,
    res: Response,
    principal: Principal,
    error?: { text: string; existing?: { href: string; reference: string } },
    status: number = HttpStatus.OK,
  ): Promise<void> {
    await this.pages.render(
      req,
      res,
      principal,
      'inspections/import',
      {
        title: 'Import a report',
        section: 'inspections',
        limitMb: LIMIT_MB,
        errors: error ? [{ text: error.text, href: '#file' }] : [],
        fieldErrors: error ? { file: error.text } : {},
        existing: error?.existing ?? null,
      },
      status,
    );
  }
}
