import { CurrentUser, type Principal } from '@app/auth';
import { BodyLimit, Clock, londonDateOf, refusalDetailsOf } from '@app/common';
import { MeasuresService, type ReadingProblem } from '@app/measures';
import {
  Body,
  Get,
  HttpException,
  HttpStatus,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import { READINGS_UPLOAD } from '../../common/readings-upload';
import { PageUploadInterceptor, UploadTooLarge } from '../page-upload.interceptor';
import { FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { PagesController } from '../pipeline/pages-controller';
import {
  LIMIT_MB,
  readingsCount,
  UPLOAD_READINGS_VIEW,
  type UploadOutcome,
  uploadReadingsPage,
} from './readings-upload.presenter';

const UPLOAD_PATH = '/measures/readings/upload';

/** A refused (or partly recorded) upload shows the page again, with its refused lines. */
const uploadForm: FormPostOptions<WebMeasuresController> = {
  view: UPLOAD_READINGS_VIEW,
  showAgain: (_controller, _req, state) => uploadReadingsPage(state),
  // Only its own refusals: the service's are put in the page's words below.
  refusals: [],
};

/** A problem with the file itself, on its field. */
const fileRefused = (text: string, status?: number) =>
  new FormRejected([{ text, href: '#file' }], { file: text }, {}, status);

/**
 * Readings of many measures from a spreadsheet: the upload page, its template to fill in, and
 * the upload, recorded by the same MeasuresService.recordCsv as POST /api/measures/readings
 * (who may record on each action, and every rule of a reading, are the service's).
 */
@PagesController('measures')
export class WebMeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  @Get('readings/upload')
  @PageView(UPLOAD_READINGS_VIEW)
  uploadPage(): PageLocals {
    return uploadReadingsPage();
  }

  /** The same file as GET /api/measures/readings.csv, for the signed-in page. */
  @Get('readings.csv')
  async template(@CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const csv = await this.measures.readingsTemplate(user.councilId);
    res
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`readings-${londonDateOf(this.clock.now())}.csv`)
      .send(csv);
  }

  /**
   * Records the file. All recorded: back to the page with a banner. Refused: the page again
   * with the refused lines. Good rows kept and some refused: the page (200) with both.
   */
  @FormPost('readings/upload', uploadForm)
  // The session and the CSRF token (in the form's address) are checked before multer reads a
  // byte of the upload.
  @BodyLimit(READINGS_UPLOAD.bodyLimit, { multipart: true })
  @UseInterceptors(PageUploadInterceptor(READINGS_UPLOAD))
  async upload(
    @CurrentUser() user: Principal,
    @UploadTooLarge() tooLarge: boolean,
    @UploadedFile() file: Express.Multer.File | undefined,
    // A checkbox: "true" when ticked, missing otherwise (typed loosely so no pipe judges it).
    @Body('keepGoodRows') keep: unknown,
  ): Promise<SeeOther> {
    if (tooLarge) throw fileRefused(`The selected file must be smaller than ${LIMIT_MB}MB`);
    if (!file) throw fileRefused('Select a CSV file of readings');
    if (file.size === 0) throw fileRefused('The selected file is empty');
    const keepGoodRows = keep === 'true';
    const outcome = await this.measures
      .recordCsv(user, file.buffer, { keepGoodRows })
      .catch((error: unknown) => {
        throw uploadRefusal(error, keepGoodRows);
      });
    if (outcome.refusedTotal === 0) {
      return new SeeOther(UPLOAD_PATH, `${readingsCount(outcome.recorded)} recorded`);
    }
    // Recorded, but not all of it: a page to show (not an error), with the lines refused.
    const partly: UploadOutcome = {
      recorded: outcome.recorded,
      problems: outcome.refused,
      total: outcome.refusedTotal,
      keepGoodRows,
    };
    throw refusedLines(
      {
        one: 'was refused and not recorded – put it right and upload just that line',
        many: 'were refused and not recorded – put them right and upload just those lines',
      },
      partly,
      HttpStatus.OK,
    );
  }
}

/** The page with the refused lines' table, the summary linking to it (worded for one or many). */
function refusedLines(
  words: { one: string; many: string },
  outcome: UploadOutcome,
  status: number,
): FormRejected {
  const lines = new Set(outcome.problems.map((problem) => problem.line)).size;
  const some =
    outcome.total > outcome.problems.length
      ? 'Some lines'
      : lines === 1
        ? '1 line'
        : `${lines} lines`;
  return new FormRejected(
    [{ text: `${some} ${some === '1 line' ? words.one : words.many}`, href: '#refused-lines' }],
    {},
    { outcome },
    status,
  );
}

/** The service's refusals of a file in the page's words; any other error as it was. */
function uploadRefusal(error: unknown, keepGoodRows: boolean): unknown {
  if (!(error instanceof HttpException)) return error;
  const details = refusalDetailsOf(error);
  if (details?.code === 'too-many-readings') {
    return fileRefused(error.message, HttpStatus.PAYLOAD_TOO_LARGE);
  }
  if (details?.code !== 'invalid-readings' || !Array.isArray(details.problems)) return error;
  const problems = details.problems as ReadingProblem[];
  const total = typeof details.total === 'number' ? details.total : problems.length;
  const outcome: UploadOutcome = { recorded: 0, problems, total, keepGoodRows };
  if (details.scope === 'file') {
    // The header, or the file as a whole: no line could be read.
    const text = 'The selected file cannot be read as readings – see the problems below';
    return new FormRejected([{ text, href: '#file' }], { file: text }, { outcome });
  }
  return refusedLines(
    {
      one: 'has a problem, so no reading was recorded',
      many: 'have problems, so no reading was recorded',
    },
    outcome,
    HttpStatus.BAD_REQUEST,
  );
}
