import { ReportReader } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { createValidationPipe } from '@app/common';
import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import type { Request } from 'express';
import { ReportUpload } from '../common/report-upload';
import { ExtractTextDto } from './dto/extract-text.dto';
import { ExtractionResultDto } from './dto/extraction-result.dto';
import { asHttpError } from './report-input-status';

@ApiTags('extract')
@ApiExtraModels(ExtractTextDto)
@Controller('extract')
export class ExtractController {
  constructor(private readonly reader: ReportReader) {}

  @Post()
  @RequireRole('manager')
  @HttpCode(HttpStatus.OK)
  @ReportUpload()
  @ApiOperation({
    summary: 'Extract recommendations from a report',
    description:
      'Send a PDF or plain-text report as the multipart field `file`, or text as JSON `{ "text": "…" }`. ' +
      'Nothing is stored: the result is the document’s facts and every recommendation it lists. ' +
      'Reports are read within limits on pages, characters of text, time and memory (see the ' +
      'EXTRACT_* settings), one at a time for each council. Managers and admins only.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'PDF or text, up to 20 MB' },
          },
        },
        { $ref: getSchemaPath(ExtractTextDto) },
      ],
    },
  })
  @ApiOkResponse({ type: ExtractionResultDto })
  @ApiRefusals({
    400: 'No file or text, an empty file or a damaged PDF.',
    401: 'Not logged in.',
    403: 'Staff cannot extract.',
    413: 'Over 20 MB, or more pages or characters of text than the limits allow.',
    415: 'Not a PDF or text (an image, a Word file…).',
    422:
      'A PDF with no text layer (a scan) or a password, or a report that took longer or needed ' +
      'more memory to read than the limits allow.',
    429: 'The council already has as many reports waiting to be read as it may.',
  })
  async extract(
    @CurrentUser() principal: Principal,
    @Req() request: Request,
    @UploadedFile() file: Express.Multer.File | undefined,
    // Validated by textFrom for JSON requests: a union type keeps the global pipe off it.
    @Body() body: ExtractTextDto | Record<string, never>,
  ): Promise<ExtractionResultDto> {
    const input = file ? file.buffer : await textFrom(request, body);
    try {
      return await this.reader.extract(input, { key: principal.councilId });
    } catch (error) {
      throw asHttpError(error);
    }
  }
}

const validation = createValidationPipe();

/**
 * The JSON form, checked by the same pipe as every other body. It runs here rather than on the
 * parameter because a multipart request has no JSON body to validate.
 */
async function textFrom(request: Request, body: unknown): Promise<string> {
  if (!request.is('application/json')) {
    throw new BadRequestException(
      'Send the report as the multipart field "file", or as JSON { "text": "…" }.',
    );
  }
  const dto = (await validation.transform(body, {
    type: 'body',
    metatype: ExtractTextDto,
  })) as ExtractTextDto;
  if (dto.text.trim().length === 0) throw new BadRequestException('text must not be blank');
  return dto.text;
}
