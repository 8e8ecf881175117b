import { CurrentUser, type Principal } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import {
  READINGS_CSV_MAX_BYTES,
  READINGS_CSV_MAX_ROWS,
  READINGS_PROBLEMS_SHOWN,
  MeasuresService,
} from '@app/measures';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  Post,
  StreamableFile,
  Req,
  UnsupportedMediaTypeException,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiRefusals } from '../common/api-refusals';
import { ReadingsUpload } from '../common/readings-upload';
import { ReadingsRecordedDto, UploadReadingsDto } from './dto/readings-upload.dto';

const ROWS = READINGS_CSV_MAX_ROWS.toLocaleString('en-GB');
const LIMIT_MB = READINGS_CSV_MAX_BYTES / 1024 / 1024;

/** Readings of many measures at once, from a spreadsheet saved as CSV. */
@ApiTags('measures')
@ApiBearerAuth()
@ApiRefusals({ 401: 'No valid session.' })
@Controller('measures')
export class MeasureReadingsController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  @Post('readings')
  // The session is checked before the upload is read; who may record on each action is
  // checked row by row, as for one reading.
  @ReadingsUpload()
  @ApiOperation({
    summary: 'Record many readings from a CSV file',
    description:
      'Send the file as the multipart field `file`, one reading a row, each naming its action by ' +
      'reference and its measure by name (any case). Each row is checked as one reading is: the ' +
      'owner or a manager of the action, a value in the unit, a date not later than today. By ' +
      'default a problem on any row records nothing (400, the problems in ' +
      '`details.problems` by line, the header being line 1, with `details.total`); with ' +
      '`keepGoodRows=true` the good rows are recorded and the refused ones listed. Blank lines, ' +
      'and template rows left empty, are skipped. Each reading is in its action’s history.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadReadingsDto })
  @ApiCreatedResponse({ type: ReadingsRecordedDto })
  @ApiRefusals({
    400:
      'No file, an unknown form field, a file that is not CSV, unknown or missing columns, or ' +
      `(without keepGoodRows) any refused row: \`details\` is \`{ code: 'invalid-readings', problems: [{ line, field, message }], total }\`, the first ${READINGS_PROBLEMS_SHOWN} problems listed.`,
    413: `Over ${LIMIT_MB} MB, or more than ${ROWS} rows.`,
    415: 'Not a multipart upload.',
  })
  async upload(
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @UploadedFile() file: Express.Multer.File | undefined,
    // Multipart text fields land here. Typed loosely so the global pipe leaves it alone: a JSON
    // body must be refused as not an upload (415) before its fields are judged.
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<ReadingsRecordedDto> {
    if (!req.is('multipart/form-data')) {
      throw new UnsupportedMediaTypeException(
        'Send the readings as a multipart upload (multipart/form-data), the file in the field "file"',
      );
    }
    const { keepGoodRows, ...others } = body ?? {};
    const unknown = Object.keys(others);
    if (unknown.length > 0) {
      throw new BadRequestException(
        unknown.map((field) => `property ${field} should not exist`).join('; '),
      );
    }
    if (keepGoodRows !== undefined && keepGoodRows !== 'true' && keepGoodRows !== 'false') {
      throw new BadRequestException('keepGoodRows must be true or false');
    }
    if (!file) throw new BadRequestException('Send the readings as the multipart field "file".');
    return this.measures.recordCsv(principal, file.buffer, {
      keepGoodRows: keepGoodRows === 'true',
    });
  }

  @Get('readings.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A readings file to fill in',
    description:
      'Every measure in your council, one row each (action_reference, measure), with empty ' +
      'value, observed_on, note and source columns: fill in the readings and upload it to ' +
      'POST /measures/readings. UTF-8 with BOM, CRLF line endings.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file (attachment).',
    schema: { type: 'string', format: 'binary' },
  })
  async template(@CurrentUser() principal: Principal): Promise<StreamableFile> {
    const csv = await this.measures.readingsTemplate(principal.councilId);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="readings-${londonDateOf(this.clock.now())}.csv"`,
    });
  }
}
