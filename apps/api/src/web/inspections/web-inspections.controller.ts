import { ImportService, InspectionsService } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { BodyLimit, Clock, londonDateOf } from '@app/common';
import { plural } from '@app/mail';
import { ExtractionBusyError, ReportInputError } from '@app/report-parser';
import {
  ConflictException,
  Get,
  HttpStatus,
  Param,
  Query,
  UnprocessableEntityException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { REPORT_UPLOAD } from '../../common/report-upload';
import { FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { type ExistingInspection, IMPORT_VIEW, importPage, readError } from './import.presenter';
import { inspectionListPage } from './inspection-list.presenter';
import { InspectionReviewPresenter, REVIEW_VIEW } from './inspection-review.presenter';
import { PageUploadInterceptor, UploadTooLarge } from '../page-upload.interceptor';

/** A refused upload shows the import page again, the problem on its file field. */
const importForm: FormPostOptions<WebInspectionsController> = {
  view: IMPORT_VIEW,
  showAgain: (_controller, _req, state) => importPage(state),
  // Only its own refusals: the domain's are put in the page's words below.
  refusals: [],
};

/** The file field's refusal; `existing` links to the inspection the file was imported as. */
const fileRefused = (text: string, existing?: ExistingInspection, status?: number) =>
  new FormRejected([{ text, href: '#file' }], { file: text }, { existing }, status);

/**
 * Every page whose address is /inspections/<one segment>: the list, importing a report, and an
 * inspection's review. One controller for them, so that `import` is declared before `:id`
 * here rather than by which controller a module happens to register first; and `:id` is a
 * UUID (pageId), so a literal address never reads as an inspection. The review's forms, one
 * segment deeper, are InspectionReviewController's.
 */
@PagesController('inspections')
export class WebInspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly importer: ImportService,
    private readonly review: InspectionReviewPresenter,
    private readonly clock: Clock,
  ) {}

  @Get()
  @PageView('inspections/list')
  async list(
    @CurrentUser() user: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<PageLocals> {
    const found = await this.inspections.list(user.councilId, londonDateOf(this.clock.now()));
    return inspectionListPage(found, query);
  }

  @Get('import')
  @RequireRole('manager')
  @PageView(IMPORT_VIEW)
  importPage(): PageLocals {
    return importPage();
  }

  /** The same import as POST /api/inspections, its refusals put on the file field. */
  @FormPost('import', importForm)
  // The session, role and CSRF token (in the form's address) are checked before multer reads
  // a byte of the upload.
  @RequireRole('manager')
  @BodyLimit(REPORT_UPLOAD.bodyLimit, { multipart: true })
  @UseInterceptors(PageUploadInterceptor(REPORT_UPLOAD))
  async import(
    @CurrentUser() user: Principal,
    @UploadTooLarge() tooLarge: boolean,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<SeeOther> {
    if (tooLarge) throw fileRefused(readError('too_large'));
    if (!file) throw fileRefused('Select a report to import');
    if (file.size === 0) throw fileRefused(readError('empty'));
    const imported = await this.importer
      .importReport({
        councilId: user.councilId,
        importedById: user.userId,
        fileName: file.originalname,
        content: file.buffer,
      })
      .catch((error: unknown) => {
        throw importRefusal(error);
      });
    const count = imported.recommendations.length;
    const notices = imported.notices.length > 0 ? ` ${imported.notices.join(' ')}` : '';
    return new SeeOther(
      `/inspections/${imported.inspection.id}`,
      `Imported ${plural(count, 'recommendation')} from ${imported.inspection.reference}.${notices}`,
    );
  }

  /** Declared after `import` (see the class's comment). */
  @Get(':id')
  @PageView(REVIEW_VIEW)
  show(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<PageLocals> {
    return this.review.page(user, id, query);
  }
}

/** The import's refusals in the words of the GOV.UK file upload pattern; others as they were. */
function importRefusal(error: unknown): unknown {
  if (error instanceof ReportInputError) return fileRefused(readError(error.code, error.message));
  if (error instanceof ExtractionBusyError) {
    return fileRefused(
      'Other reports from your council are being read – upload this one again in a minute',
      undefined,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  if (error instanceof ConflictException) {
    const body = error.getResponse() as {
      details?: { inspectionId?: string; reference?: string };
    };
    const { inspectionId, reference } = body.details ?? {};
    return fileRefused(
      'This report has already been imported',
      inspectionId && reference ? { href: `/inspections/${inspectionId}`, reference } : undefined,
    );
  }
  if (error instanceof UnprocessableEntityException) {
    return fileRefused(
      'The selected file does not look like an inspection report or letter – no inspectorate, dates or recommendations were found in it',
    );
  }
  return error;
}
